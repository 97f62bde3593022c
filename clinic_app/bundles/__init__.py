"""Sealed intake bundles: field laptops send intakes to the clinic without being able to read them back.

    keys.py     the clinic's bundle key pair, its public key file and fingerprint, the
                vault's signing key, the trusted clinic key on a field vault
    sealing.py  the file format: seal to a public key, sign, pad; open, verify
    senders.py  the laptops pinned at import, and the revoked ones (a lost or stolen laptop)
    service.py  export (seal, write, remove) and import (open, dedupe, store) on a session

See docs/field-laptops.md.
"""
