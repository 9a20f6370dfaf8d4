"""Errors dossier raises on purpose; each carries a message a user can act on.

    DossierError
     ├── CaseError                 the case file cannot be used
     │    ├── CaseMissingError     no case at that path
     │    ├── NotACaseError        the file is not a dossier case
     │    ├── CaseVersionError     written by a newer dossier
     │    └── CaseBusyError        another build holds the case
     ├── SettingsError             a DOSSIER_* setting has an unusable value
     └── ExportError               an export cannot be written

Bad input files are not errors: ingest turns them into rejections (models.Rejection) and the
build goes on.
"""


class DossierError(Exception):
    """Base of every error dossier reports to a user without a traceback."""


class CaseError(DossierError):
    """The case file cannot be opened or used."""


class CaseMissingError(CaseError):
    """A read command was pointed at a case that does not exist."""


class NotACaseError(CaseError):
    """The file exists but is not a dossier case."""


class CaseVersionError(CaseError):
    """The case was written by a newer dossier than this one."""


class CaseBusyError(CaseError):
    """Another process is building this case."""


class SettingsError(DossierError):
    """A setting given in the environment cannot be used."""


class ExportError(DossierError):
    """An export could not be produced or written."""


class NotFoundError(DossierError):
    """Something the user named (a document, an entity) is not in the case."""
