"""How the operating system knows Kredo: application id, icon name, file types, URL scheme.

One place for the names that the desktop file, the AppStream metainfo, the MIME definitions,
the macOS Info.plist and the Windows installer in ``packaging/`` must agree on (tests check
that they do). The GUI can pass :data:`APP_ID` to ``QGuiApplication.setDesktopFileName`` so
Wayland shows the right icon.

The id is reverse-DNS as AppStream requires; Kredo owns no domain yet, so ``org.kredo`` is a
placeholder to replace (everywhere at once, by changing this module and renaming the files in
``packaging/linux``) when the project gets one.
"""

from __future__ import annotations

APP_ID = "org.kredo.Kredo"
APP_NAME = "Kredo"
ICON_NAME = APP_ID
DESKTOP_FILE = f"{APP_ID}.desktop"

# The credential files the app opens, by extension, with their media types: JSON-LD (also
# every Data Integrity credential), the W3C VC Data Model 2.0 type, and JWT (RFC 7519).
CREDENTIAL_FILE_TYPES: dict[str, str] = {
    "jsonld": "application/ld+json",
    "vc": "application/vc",
    "jwt": "application/jwt",
}

# OpenID for Verifiable Credential Issuance: an issuer's offer arrives as a link or QR code.
OFFER_URL_SCHEMES: tuple[str, ...] = ("openid-credential-offer",)
# OpenID for Verifiable Presentations 1.0 and its HAIP profile: a verifier's request.
REQUEST_URL_SCHEMES: tuple[str, ...] = ("openid4vp", "haip-vp")
# Every scheme the desktop hands to Kredo.
URL_SCHEMES: tuple[str, ...] = OFFER_URL_SCHEMES + REQUEST_URL_SCHEMES

# Square icon sizes installed under hicolor/<n>x<n>/apps (the freedesktop icon theme sizes).
ICON_SIZES: tuple[int, ...] = (16, 22, 24, 32, 48, 64, 128, 256, 512)
