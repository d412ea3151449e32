"""One small class per check, each behind the :class:`wallet.verify.checks.base.Check` protocol."""
