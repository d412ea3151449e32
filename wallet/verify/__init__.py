"""Decide whether a credential is genuine, check by check (see ``verify_credential``)."""
