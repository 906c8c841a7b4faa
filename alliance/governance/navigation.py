"""What the governance app adds to the header menu and to "My page" (`alliance.core.navigation`)."""
