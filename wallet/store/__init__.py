"""The encrypted wallet store, in layers: key management → vault → migrations → repository.

Callers use the facade in :mod:`wallet.store.wallet` (``init_wallet``, ``open_wallet``) and
the :class:`wallet.store.repository.CredentialRepository` it hands out; nothing outside this
package runs SQL.
"""
