"""What an id is, and the folders that hold the entities: no dependencies, cheap to import."""

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
MAX_ID_LENGTH = 64
#: The project's configuration file, beside the folders.
CONFIG_FILE = "speelveld.yml"
#: The interactions between the domains, beside the configuration; optional.
INTERACTIONS_FILE = "interactions.yml"
#: The largest data file that is read, unless the configuration says otherwise.
DEFAULT_MAX_FILE_BYTES = 1_048_576
