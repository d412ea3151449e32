"""Cryptography of the core: keys, JOSE/JWS, Data Integrity suites, JAdES and X.509."""
