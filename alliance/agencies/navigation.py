"""What the agencies app adds to the header menu and to "My page" (`alliance.core.navigation`)."""
