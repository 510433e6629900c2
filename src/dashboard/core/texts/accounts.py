"""Texts of the accounts page, where an administrator adds, changes and removes the accounts
of those who add and publish data, and sees the organisations they belong to."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "page_accounts": {"sv": "Konton", "en": "Accounts"},
    "accounts_lead": {
        "sv": "Här lägger administratörer till konton för dem som lämnar och publicerar data, "
              "ändrar deras roll och organisation, byter lösenord, låser upp och tar bort "
              "konton. Varje ändring skrivs i händelseloggen.",
        "en": "Here administrators add accounts for those who contribute and publish data, "
              "change their role and organisation, set new passwords, unlock and remove "
              "accounts. Every change is written to the audit log.",
    },
    "accounts_sign_in": {"sv": "Kontona visas bara för inloggade administratörer.",
                         "en": "The accounts are shown to signed-in administrators only."},
    "accounts_admin_only": {
        "sv": "Bara administratörer hanterar konton. Ditt konto är {role}.",
        "en": "Only administrators manage accounts. Your account is {role}.",
    },
    "accounts_list": {"sv": "Alla konton", "en": "All accounts"},
    "accounts_none": {"sv": "Det finns inga konton ännu.", "en": "There are no accounts yet."},
    "accounts_name": {"sv": "Användarnamn", "en": "User name"},
    "accounts_role": {"sv": "Roll", "en": "Role"},
    "accounts_organisation": {"sv": "Organisation", "en": "Organisation"},
    "accounts_sign_in_kind": {"sv": "Loggar in med", "en": "Signs in with"},
    "accounts_status": {"sv": "Läge", "en": "Status"},
    "accounts_kind_password": {"sv": "lösenord", "en": "password"},
    "accounts_kind_openid": {"sv": "organisationens konto ({subject})",
                             "en": "the organisation's account ({subject})"},
    "accounts_locked_until": {"sv": "låst till {at} (UTC)", "en": "locked until {at} (UTC)"},
    "accounts_failures": {"sv": "{n} misslyckade inloggningar i rad",
                          "en": "{n} failed sign-ins in a row"},
    "accounts_open": {"sv": "öppet", "en": "open"},
    "accounts_organisations": {"sv": "Organisationer", "en": "Organisations"},
    "accounts_organisations_help": {
        "sv": "En organisation finns så länge något konto hör till den. Det som ett konto "
              "lämnar in tillskrivs kontots organisation.",
        "en": "An organisation exists while some account belongs to it. What an account "
              "contributes is attributed to the account's organisation.",
    },
    "accounts_n_accounts": {"sv": "Konton", "en": "Accounts"},
    "accounts_n_contributions": {"sv": "Bidrag", "en": "Contributions"},
    "accounts_n_published": {"sv": "Publicerade", "en": "Published"},
    "accounts_change": {"sv": "Ändra ett konto", "en": "Change an account"},
    "accounts_who": {"sv": "Konto", "en": "Account"},
    "accounts_new_role": {"sv": "Ny roll", "en": "New role"},
    "accounts_set_role": {"sv": "Ändra roll", "en": "Change role"},
    "accounts_new_organisation": {"sv": "Ny organisation", "en": "New organisation"},
    "accounts_set_organisation": {"sv": "Flytta till organisationen",
                                  "en": "Move to the organisation"},
    "accounts_new_password": {"sv": "Nytt lösenord (minst {n} tecken)",
                              "en": "New password (at least {n} characters)"},
    "accounts_password": {"sv": "Lösenord (minst {n} tecken)",
                          "en": "Password (at least {n} characters)"},
    "accounts_password_again": {"sv": "Samma lösenord igen", "en": "The same password again"},
    "accounts_new_password_again": {"sv": "Samma nya lösenord igen",
                                    "en": "The same new password again"},
    "accounts_set_password": {"sv": "Byt lösenord", "en": "Set the password"},
    "accounts_unlock": {"sv": "Lås upp", "en": "Unlock"},
    "accounts_confirm_remove": {"sv": "Ja, ta bort kontot", "en": "Yes, remove the account"},
    "accounts_remove": {"sv": "Ta bort kontot", "en": "Remove the account"},
    "accounts_add": {"sv": "Lägg till ett konto", "en": "Add an account"},
    "accounts_subject": {
        "sv": "Eller: inloggning med organisationens konto, som UTFÄRDARE|SUB",
        "en": "Or: sign-in with the organisation's account, as ISSUER|SUB",
    },
    "accounts_add_button": {"sv": "Lägg till kontot", "en": "Add the account"},
    "accounts_did_add": {"sv": "Kontot {name} ({role}, {organisation}) är tillagt.",
                         "en": "The account {name} ({role}, {organisation}) is added."},
    "accounts_did_role": {"sv": "{name} är nu {role}. Det gäller från kontots nästa klick.",
                          "en": "{name} is now {role}. It applies from the account's next "
                                "click."},
    "accounts_did_organisation": {
        "sv": "{name} lämnar nu data för {organisation}.",
        "en": "{name} now contributes data for {organisation}.",
    },
    "accounts_did_password": {
        "sv": "{name} har ett nytt lösenord, och kontot är upplåst. Sessioner som loggade in "
              "med det gamla upphör.",
        "en": "{name} has a new password, and the account is unlocked. Sessions signed in "
              "with the old one end.",
    },
    "accounts_did_unlock": {"sv": "{name} är upplåst.", "en": "{name} is unlocked."},
    "accounts_did_remove": {
        "sv": "Kontot {name} är borttaget. Dess öppna sessioner upphör. Det kontot lämnat "
              "in står kvar med dess namn.",
        "en": "The account {name} is removed. Its open sessions end. What it contributed "
              "stays, under its name.",
    },
    "accounts_refused_choose": {"sv": "Välj först ett konto. Inget har ändrats.",
                                "en": "Choose an account first. Nothing has changed."},
    "accounts_refused_own": {
        "sv": "Du kan inte ändra roll på eller ta bort ditt eget konto här, så att det alltid "
              "finns en administratör kvar. Be en annan administratör, eller använd "
              "kommandot `dashboard users`. Inget har ändrats.",
        "en": "You cannot change the role of, or remove, your own account here, so that an "
              "administrator always remains. Ask another administrator, or use the "
              "`dashboard users` command. Nothing has changed.",
    },
    "accounts_refused_differ": {"sv": "De två lösenorden skiljer sig åt. Inget har ändrats.",
                                "en": "The two passwords differ. Nothing has changed."},
    "accounts_refused_confirm": {
        "sv": "Kryssa i ”Ja, ta bort kontot” först. Inget har ändrats.",
        "en": "Tick “Yes, remove the account” first. Nothing has changed.",
    },
    "accounts_error_bad_name": {
        "sv": "Ett användarnamn är ett ord på högst {n} bokstäver, siffror och . _ @ + -. "
              "Inget har ändrats.",
        "en": "A user name is one word of at most {n} letters, digits and . _ @ + -. "
              "Nothing has changed.",
    },
    "accounts_error_bad_role": {"sv": "Välj en roll. Inget har ändrats.",
                                "en": "Choose a role. Nothing has changed."},
    "accounts_error_no_organisation": {
        "sv": "Ett konto behöver en organisation. Inget har ändrats.",
        "en": "An account needs an organisation. Nothing has changed.",
    },
    "accounts_error_sign_in_kind": {
        "sv": "Ange antingen ett lösenord eller en inloggning med organisationens konto, "
              "inte båda och inte ingen. Inget har ändrats.",
        "en": "Give either a password or a sign-in with the organisation's account, not "
              "both and not neither. Nothing has changed.",
    },
    "accounts_error_exists": {"sv": "Det finns redan ett konto som heter {name}. Inget har "
                                    "ändrats.",
                              "en": "An account named {name} exists already. Nothing has "
                                    "changed."},
    "accounts_error_password_short": {
        "sv": "Lösenordet måste ha minst {n} tecken. Inget har ändrats.",
        "en": "The password must have at least {n} characters. Nothing has changed.",
    },
    "accounts_error_password_long": {
        "sv": "Lösenordet får ha högst {n} tecken. Inget har ändrats.",
        "en": "The password may have at most {n} characters. Nothing has changed.",
    },
    "accounts_error_password_is_name": {
        "sv": "Lösenordet får inte vara kontots namn. Inget har ändrats.",
        "en": "The password may not be the account's name. Nothing has changed.",
    },
    "accounts_error_bad_subject": {
        "sv": "Inloggningen med organisationens konto skrivs UTFÄRDARE|SUB, till exempel "
              "https://login.example.se|12345. Inget har ändrats.",
        "en": "A sign-in with the organisation's account is written ISSUER|SUB, for example "
              "https://login.example.se|12345. Nothing has changed.",
    },
    "accounts_error_subject_taken": {
        "sv": "Den inloggningen hör redan till ett annat konto. Inget har ändrats.",
        "en": "That sign-in belongs to another account already. Nothing has changed.",
    },
    "accounts_error_unknown": {"sv": "Det finns inget konto som heter {name}. Inget har "
                                     "ändrats.",
                               "en": "There is no account named {name}. Nothing has "
                                     "changed."},
    "accounts_error_openid_account": {
        "sv": "{name} loggar in med organisationens konto och har inget lösenord här. Inget "
              "har ändrats.",
        "en": "{name} signs in with the organisation's account and has no password here. "
              "Nothing has changed.",
    },
}
