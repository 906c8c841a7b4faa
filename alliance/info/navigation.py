"""What the information services add to the header menu and to "My page" (`alliance.core.navigation`).

Each area adds its entries in its own `register_links` / `register_tiles` call.
"""
