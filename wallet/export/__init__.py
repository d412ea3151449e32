"""Export to Europass: the sealed originals for the Europass wallet, and a Europass CV.

- :func:`wallet.export.europass_originals.export_europass_originals` writes each sealed EDC
  exactly as received (``.jsonld``) with a README in the learner's language, and refuses
  anything Europass would not accept, saying why.
- :func:`wallet.export.cv_entries.cv_entries` turns credentials into CV entries (what the
  GUI previews); :func:`wallet.export.cv_xml.europass_cv_xml` writes them as a Europass
  ``Candidate`` XML; :func:`wallet.export.cv_pdf.europass_cv_pdf` lays them out as a CV PDF
  that carries that XML as ``attachment.xml``.
"""
