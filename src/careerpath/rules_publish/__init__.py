"""Publishing rules data as a TUF repository, for maintainers: `python -m careerpath.rules_publish`.

The app trusts a root of keys it ships with (rules_update/trusted_root.json); everything it
downloads must be signed, through that root, by the targets, snapshot and timestamp keys, and
none of that metadata may have expired. This package builds and signs that metadata for a
rules-data folder (`data/`): `keys` keeps the private keys in a folder outside the repository,
`repository` writes `metadata/` and `targets/` in the layout python-tuf's ngclient reads
(consistent snapshots: every file is named by its version or hash, so a half-uploaded release
never mixes with the last one). Nothing here runs in the app itself.
"""
