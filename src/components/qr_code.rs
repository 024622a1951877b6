use leptos::prelude::*;
use qrcode::QrCode;
use qrcode::render::svg;

/// The QR code of `text` as an SVG element (black on white, with the quiet zone), or an empty
/// string when the text is too long for a QR code.
///
/// The renderer writes only presentation attributes (`fill`, `shape-rendering`), never a `style`
/// attribute, so the SVG passes the CSP's `style-src 'self'`.
pub fn qr_svg(text: &str) -> String {
    QrCode::new(text.as_bytes())
        .map(|code| {
            let svg = code
                .render::<svg::Color>()
                .min_dimensions(168, 168)
                .quiet_zone(true)
                .build();
            // The XML prolog means nothing inside HTML; drop it.
            match svg.find("<svg") {
                Some(start) => svg[start..].to_owned(),
                None => svg,
            }
        })
        .unwrap_or_default()
}

/// A QR code for a counter to scan (an application's reference number), drawn as SVG: no image
/// request, no inline style (the CSP allows neither `style` attributes nor `blob:` images).
#[component]
pub fn QrCodeImage(
    /// The text to encode.
    text: String,
    /// What the code shows, for screen readers (the code itself says nothing to them).
    #[prop(into)]
    label: String,
) -> impl IntoView {
    view! { <div class="qr" role="img" aria-label=label inner_html=qr_svg(&text)></div> }
}
