use leptos::prelude::*;
use qrcode::QrCode;
use qrcode::render::svg;

/// Renders `text` as an SVG string, or `None` when it does not fit in a QR code.
pub fn qr_svg(text: &str) -> Option<String> {
    let code = QrCode::new(text.as_bytes()).ok()?;
    let svg = code
        .render::<svg::Color>()
        .min_dimensions(168, 168)
        .quiet_zone(true)
        .build();
    // Drop the XML declaration: the SVG is inserted into an HTML document.
    Some(
        svg.find("<svg")
            .map(|i| svg[i..].to_string())
            .unwrap_or(svg),
    )
}

/// A QR code of `text`, drawn as SVG (no image request, no inline style: the CSP allows neither
/// `style` attributes nor `blob:` images).
#[component]
pub fn QrCodeImage(
    /// The text to encode (a reference number).
    text: String,
    /// The accessible name of the image.
    label: &'static str,
) -> impl IntoView {
    let svg = qr_svg(&text).unwrap_or_default();
    view! { <div class="qr" role="img" aria-label=label inner_html=svg></div> }
}
