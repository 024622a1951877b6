use leptos::prelude::*;

/// The QR code of `text` as an SVG document (black on white, with the quiet zone), or an empty
/// string when the text is too long for a QR code.
///
/// The renderer writes only presentation attributes (`fill`, `shape-rendering`), never a `style`
/// attribute, so the SVG passes the CSP's `style-src 'self'`.
pub fn qr_svg(text: &str) -> String {
    qrcode::QrCode::new(text.as_bytes())
        .map(|code| {
            let svg = code
                .render::<qrcode::render::svg::Color>()
                .min_dimensions(160, 160)
                .build();
            // The XML prolog means nothing inside HTML; drop it.
            match svg.find("<svg") {
                Some(start) => svg[start..].to_owned(),
                None => svg,
            }
        })
        .unwrap_or_default()
}

/// A QR code for a counter to scan, e.g. of an application's reference number.
#[component]
pub fn QrCode(
    /// The text encoded in the code.
    text: String,
    /// What the code shows, for screen readers (the code itself says nothing to them).
    label: String,
) -> impl IntoView {
    view! { <div class="qr" role="img" aria-label=label inner_html=qr_svg(&text)></div> }
}
