"""Wallets for the benchmarks, made fresh each run, and the figures of making them.

* ``bulk_import``: 1,000 OB 3.0 credentials signed here (eddsa-rdfc-2022), written as files,
  then imported the way ``kredo import`` does it (read, parse, store, one transaction each)
  *and* verified with the verdict saved (``verify_stored``, as the GUI does after an import).
* ``large_wallet``: 10,000 credentials with realistic, varied Czech and English texts for
  search, the list and memory. They are stored through the repository like any import, but
  not signed (signing 10,000 would take minutes and measures nothing of the wallet).
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.benchmarks.report import Figure
from tests.robustness.corpus import NOW, ob3_document, signers
from wallet.app.importing import import_paths
from wallet.app.verifying import StoredVerification, remember_verdict
from wallet.model import (
    Credential,
    CredentialFormat,
    LangText,
    MicroCredentialView,
    Organisation,
)
from wallet.store.kdf import DEFAULT_ARGON2
from wallet.store.paths import database_path
from wallet.store.repository import CredentialRepository
from wallet.store.secret_store import KeyringSecretStore
from wallet.store.wallet import init_wallet, open_wallet
from wallet.verify.engine import verify_credential
from wallet.verify.options import VerifyOptions

PASSPHRASE = "bench passphrase"
SECTION = "wallet"

UNIVERSITIES = (
    "Univerzita Karlova", "Masarykova univerzita", "České vysoké učení technické v Praze",
    "Vysoké učení technické v Brně", "Univerzita Palackého v Olomouci",
    "Západočeská univerzita v Plzni", "Ostravská univerzita", "Mendelova univerzita v Brně",
    "Univerzita Hradec Králové", "Technická univerzita v Liberci", "Slezská univerzita v Opavě",
    "Jihočeská univerzita v Českých Budějovicích", "Vysoká škola ekonomická v Praze",
    "Univerzita Pardubice", "Univerzita Tomáše Bati ve Zlíně", "Česká zemědělská univerzita",
)
SUBJECTS = (
    ("Základy kryptografie", "Cryptography basics"), ("Datová analýza v Pythonu",
    "Data analysis in Python"), ("Řízení projektů", "Project management"),
    ("Strojové učení", "Machine learning"), ("Účetnictví pro neekonomy",
    "Accounting for non-economists"), ("Kybernetická bezpečnost", "Cyber security"),
    ("Udržitelné zemědělství", "Sustainable farming"), ("Právo duševního vlastnictví",
    "Intellectual property law"), ("Didaktika matematiky", "Teaching mathematics"),
    ("Zdravotnická informatika", "Health informatics"), ("Český jazyk pro cizince",
    "Czech for foreigners"), ("Obnovitelné zdroje energie", "Renewable energy"),
    ("Týmová komunikace", "Team communication"), ("Geografické informační systémy",
    "Geographic information systems"), ("Fotonika", "Photonics"),
    ("Etika umělé inteligence", "Ethics of artificial intelligence"),
)
OUTCOMES = (
    "Navrhne jednoduchý šifrovací protokol", "Vyčistí a popíše datovou sadu",
    "Sestaví harmonogram projektu", "Vysvětlí regresní model", "Sestaví rozvahu",
    "Rozpozná phishingový útok", "Navrhne osevní postup", "Podá přihlášku ochranné známky",
    "Připraví hodinu zlomků", "Zpracuje zdravotní záznamy podle GDPR",
)
NAMES = ("Jana Nováková", "Petr Svoboda", "Lucie Dvořáková", "Tomáš Černý", "Eva Procházková",
         "Jiří Kučera", "Tereza Veselá", "Martin Horák", "Kateřina Němcová", "Ondřej Marek")


@dataclass(frozen=True)
class BenchWallet:
    home: Path
    credentials: int


def new_wallet(home: Path) -> None:
    """A passphrase wallet with the production Argon2id cost (what a real unlock pays)."""
    from keyring.backends import fail

    init_wallet(home, passphrase=PASSPHRASE, secret_store=KeyringSecretStore(fail.Keyring()),
                kdf_params=DEFAULT_ARGON2)


def open_bench_wallet(home: Path):  # type: ignore[no-untyped-def]
    from keyring.backends import fail

    return open_wallet(home, passphrase_provider=lambda: PASSPHRASE,
                       secret_store=KeyringSecretStore(fail.Keyring()))


def database_bytes(home: Path) -> int:
    """The database with its write-ahead log (SQLite folds the log in on close)."""
    return sum(p.stat().st_size for p in home.iterdir() if p.name.startswith(
        database_path(home).name))


def bulk_import(workdir: Path, count: int = 1000) -> tuple[BenchWallet, list[Figure]]:
    keys = signers()
    folder = workdir / "ob3-files"
    folder.mkdir()
    started = time.perf_counter()
    for n in range(count):
        raw = keys.data_integrity(ob3_document(keys.ed_did, 100_000 + n,
                                               title=SUBJECTS[n % len(SUBJECTS)][0]),
                                  "eddsa-rdfc-2022")
        (folder / f"badge-{n:05d}.json").write_bytes(raw)
    signing = time.perf_counter() - started
    home = workdir / "wallet-1000"
    new_wallet(home)
    options = VerifyOptions(now=NOW)
    with open_bench_wallet(home) as wallet:
        repo: CredentialRepository = wallet.repository
        verify_credential(_warm_up(folder), options=options)
        started = time.perf_counter()
        imported = 0
        for outcome in import_paths(repo, [folder]):
            assert outcome.status == "imported" and outcome.id is not None, outcome
            verdict = StoredVerification(outcome.id, repo.get(outcome.id).raw, options).verify()
            remember_verdict(repo, verdict)
            report = verdict.report
            assert report.status.value != "failed", report.to_json()
            imported += 1
        elapsed = time.perf_counter() - started
    size = database_bytes(home)
    figures = [
        Figure(SECTION, f"sign {count} OB3 credentials (setup, not a target)", signing, "s"),
        Figure(SECTION, f"import + verify + save {count} OB3 credentials", elapsed, "s",
               target=5.0),
        Figure(SECTION, "import + verify + save: credentials per second", imported / elapsed,
               "/s", higher_is_better=True),
        Figure(SECTION, "database size per 1,000 OB3 credentials", size / count * 1000 / 2**20,
               "MiB"),
    ]
    return BenchWallet(home, imported), figures


def _warm_up(folder: Path) -> Credential:
    from wallet.formats import parse_credential

    return parse_credential(next(iter(sorted(folder.iterdir()))).read_bytes())


def synthetic_credential(n: int, rng: random.Random) -> Credential:
    title_cs, title_en = SUBJECTS[rng.randrange(len(SUBJECTS))]
    issuer = UNIVERSITIES[rng.randrange(len(UNIVERSITIES))]
    learner = NAMES[rng.randrange(len(NAMES))]
    outcomes = tuple(LangText({"cs": o}) for o in rng.sample(OUTCOMES, 3))
    level = rng.choice((5, 6, 7))
    title = LangText({"cs": f"{title_cs} {n % 97 + 1}", "en": f"{title_en} {n % 97 + 1}"})
    view = MicroCredentialView(
        title=title, learner_name=LangText.plain(learner),
        awarding_body=Organisation(name=LangText({"cs": issuer})),
        issued=datetime(2024, 1, 1, tzinfo=UTC) + timedelta(days=n % 700),
        ects=rng.choice((1.0, 2.0, 3.0, 5.0)), eqf_level=level,
        description=LangText({"cs": f"Mikrocertifikát {title_cs.lower()} pro {learner}."}),
        learning_outcomes=outcomes,
    )
    # About the size of a signed OB 3.0 credential (1.4 KB), unique per credential.
    raw = (f'{{"id":"urn:uuid:bench-{n:08d}","name":"{title_cs}","issuer":"{issuer}",'
           f'"learner":"{learner}","padding":"{rng.randbytes(450).hex()}"}}').encode()
    return Credential(raw=raw, format=CredentialFormat.VC_JSONLD, document={}, view=view)


def large_wallet(workdir: Path, count: int = 10_000) -> tuple[BenchWallet, list[Figure]]:
    home = workdir / f"wallet-{count}"
    new_wallet(home)
    rng = random.Random(20261121)
    credentials = [synthetic_credential(n, rng) for n in range(count)]
    with open_bench_wallet(home) as wallet:
        started = time.perf_counter()
        for n, credential in enumerate(credentials):
            wallet.repository.add(credential, source=f"bench-{n}")
        elapsed = time.perf_counter() - started
    size = database_bytes(home)
    return BenchWallet(home, count), [
        Figure(SECTION, f"store {count:,} credentials (parsed already)", elapsed, "s"),
        Figure(SECTION, "database size per 1,000 synthetic credentials",
               size / count * 1000 / 2**20, "MiB"),
    ]
