"""Client Red Flags: content checks, quiz data, scoring and the MkDocs hooks that join them."""
