"""Holder profiles as the learner manages them: list them, add one, choose the default.

The profiles themselves (keys in the encrypted wallet, labels, the default setting) are
:mod:`wallet.share.holder`; the ``kredo holder`` command and the share wizard go through here.
"""

from __future__ import annotations

from wallet.share.holder import HolderKeyStore, HolderProfile, HolderProfiles


def holder_profiles(store: HolderKeyStore) -> list[HolderProfile]:
    """Every profile, oldest first; a wallet from before profiles gets its first one now, so
    the list always shows the profile that would sign."""
    profiles = HolderProfiles(store)
    return profiles.list() or [profiles.default()]


def add_holder_profile(
    store: HolderKeyStore, label: str, *, make_default: bool = False
) -> HolderProfile:
    """A new Ed25519 did:key profile named ``label`` (refused when the name is taken)."""
    return HolderProfiles(store).create(label, make_default=make_default)


def set_default_holder_profile(store: HolderKeyStore, label: str) -> HolderProfile:
    """Make the profile named ``label`` the one that signs when none is chosen."""
    return HolderProfiles(store).set_default(label)
