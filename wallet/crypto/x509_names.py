"""Certificate names read without ``cryptography``'s warning about over-long attributes.

Some CAs on EU trusted lists have names whose attributes exceed the X.520 upper bounds (an
organisation name of 66-99 characters). ``cryptography`` warns ("Attribute's length must be
>= 1 and <= 64") each time such a name is read; the names are fine, and the warning would
only reach the user's terminal. Everything that reads the trust anchors' names goes through
here, so the warning is silenced in one place, and only that warning.
"""

from __future__ import annotations

import warnings

from cryptography import x509

LONG_NAME_WARNING = "Attribute's length must be"  # cryptography's message: a regex, not ours


def subject_of(certificate: x509.Certificate) -> x509.Name:
    """The certificate's subject, read without the over-long-name warning."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=LONG_NAME_WARNING, category=UserWarning)
        return certificate.subject


def issuer_of(certificate: x509.Certificate) -> x509.Name:
    """The certificate's issuer name, read without the over-long-name warning."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=LONG_NAME_WARNING, category=UserWarning)
        return certificate.issuer
