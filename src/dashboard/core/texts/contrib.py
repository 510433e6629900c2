"""Texts of contributing data: adding a file as a draft, reviewing and publishing drafts,
previewing a draft in every view, and the audit log."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "page_review": {"sv": "Granska bidrag", "en": "Review contributions"},
    "page_audit": {"sv": "Händelselogg", "en": "Audit log"},
    "contrib_sign_in": {"sv": "Logga in", "en": "Sign in"},
    "contrib_upload_account": {
        "sv": "Du kan kontrollera en fil här utan konto, men för att lägga till data behöver "
              "du logga in med ett konto som får lämna bidrag.",
        "en": "You can check a file here without an account, but adding data needs you to "
              "sign in with an account that may contribute.",
    },
    "contrib_upload_as": {
        "sv": "Du lämnar bidraget som {name} för {organisation}. Det publiceras först när "
              "en utgivare har granskat det.",
        "en": "You contribute as {name} for {organisation}. Nothing is published until a "
              "publisher has reviewed it.",
    },
    "contrib_needs_account": {
        "sv": "Du måste vara inloggad med ett konto som får lämna bidrag för att lägga till "
              "data. Inget har sparats.",
        "en": "You must be signed in with an account that may contribute to add data. "
              "Nothing was stored.",
    },
    "contrib_needs_licence": {"sv": "Ange licensen innan du lägger till filen.",
                              "en": "State the licence before you add the file."},
    "contrib_add": {"sv": "Skicka in för granskning", "en": "Send for review"},
    "contrib_no_store": {"sv": "Den här instrumentpanelen tar inte emot bidrag. Inget har "
                               "sparats.",
                         "en": "This dashboard does not take contributions. Nothing was "
                               "stored."},
    "contrib_draft_added": {
        "sv": "Sparat som utkast {name}: {n} värden. Datan visas inte förrän en utgivare har "
              "publicerat dem.",
        "en": "Kept as draft {name}: {n} values. The data are not shown until a publisher "
              "has published them.",
    },
    "contrib_to_review": {"sv": "Gå till granskningen", "en": "Go to the review"},
    "contrib_store_failed": {"sv": "Utkastet kunde inte sparas ({reason}); inget har ändrats.",
                             "en": "The draft could not be stored ({reason}); nothing has "
                                   "changed."},
    "contrib_sign_in_review": {
        "sv": "Granskningen av bidrag är bara för inloggade konton.",
        "en": "Reviewing contributions is for signed-in accounts only.",
    },
    "contrib_sign_in_audit": {
        "sv": "Händelseloggen är bara för inloggade konton.",
        "en": "The audit log is for signed-in accounts only.",
    },
    "contrib_not_allowed": {
        "sv": "Ditt konto får inte göra det här. Inget har ändrats.",
        "en": "Your account may not do this. Nothing has changed.",
    },
    "contrib_drafts": {"sv": "Utkast som väntar", "en": "Drafts waiting"},
    "contrib_no_drafts": {"sv": "Inga utkast väntar.", "en": "No drafts are waiting."},
    "contrib_published": {"sv": "Publicerade bidrag", "en": "Published contributions"},
    "contrib_none_published": {"sv": "Inga bidrag har publicerats.",
                               "en": "No contributions have been published."},
    "contrib_decided": {"sv": "Avvisade och återkallade bidrag",
                        "en": "Rejected and withdrawn contributions"},
    "contrib_none_decided": {"sv": "Inga bidrag har avvisats eller återkallats.",
                             "en": "No contributions have been rejected or withdrawn."},
    "contrib_file": {"sv": "Fil", "en": "File"},
    "contrib_organisation": {"sv": "Organisation", "en": "Organisation"},
    "contrib_licence_short": {"sv": "Licens", "en": "Licence"},
    "contrib_added_by": {"sv": "Tillagt av", "en": "Added by"},
    "contrib_added_at": {"sv": "Tillagt", "en": "Added"},
    "contrib_values": {"sv": "Värden", "en": "Values"},
    "contrib_indicators": {"sv": "Indikatorer", "en": "Indicators"},
    "contrib_decided_by": {"sv": "Beslutat av", "en": "Decided by"},
    "contrib_decided_at": {"sv": "Beslutat", "en": "Decided"},
    "contrib_version": {"sv": "Version", "en": "Version"},
    "contrib_state": {"sv": "Läge", "en": "State"},
    "contrib_note": {"sv": "Anteckning", "en": "Note"},
    "contrib_note_for": {"sv": "Anteckning om {name}", "en": "Note on {name}"},
    "contrib_state_draft": {"sv": "utkast", "en": "draft"},
    "contrib_state_published": {"sv": "publicerat", "en": "published"},
    "contrib_state_rejected": {"sv": "avvisat", "en": "rejected"},
    "contrib_state_withdrawn": {"sv": "återkallat", "en": "withdrawn"},
    "contrib_live": {"sv": "(visas nu)", "en": "(shown now)"},
    "contrib_preview": {"sv": "Förhandsvisa", "en": "Preview"},
    "contrib_publish": {"sv": "Publicera", "en": "Publish"},
    "contrib_reject": {"sv": "Avvisa", "en": "Reject"},
    "contrib_withdraw": {"sv": "Återkalla", "en": "Withdraw"},
    "contrib_did_publish": {"sv": "{name} är publicerat som version {version}.",
                            "en": "{name} is published as version {version}."},
    "contrib_did_reject": {"sv": "{name} är avvisat.", "en": "{name} is rejected."},
    "contrib_did_withdraw": {
        "sv": "{name} är återkallat; versionen före det visas igen.",
        "en": "{name} is withdrawn; the version before it is shown again.",
    },
    "contrib_did_preview": {
        "sv": "Alla vyer visar nu utkastet {name} tillsammans med publicerade data, bara för "
              "dig.",
        "en": "Every view now shows draft {name} together with the published data, for you "
              "only.",
    },
    "contrib_open_views": {"sv": "Öppna instrumentpanelen", "en": "Open the dashboard"},
    "contrib_refused_no_such_draft": {
        "sv": "Det finns inget sådant utkast. Inget har ändrats.",
        "en": "There is no such draft. Nothing has changed.",
    },
    "contrib_refused_already_decided": {
        "sv": "Utkastet är redan publicerat eller avvisat. Inget har ändrats.",
        "en": "The draft has already been published or rejected. Nothing has changed.",
    },
    "contrib_refused_not_live": {
        "sv": "Bara bidraget som visas nu kan återkallas. Inget har ändrats.",
        "en": "Only the contribution shown now can be withdrawn. Nothing has changed.",
    },
    "contrib_refused_note_required": {
        "sv": "Skriv en anteckning om varför. Inget har ändrats.",
        "en": "Write a note saying why. Nothing has changed.",
    },
    "contrib_refused_draft_conflict": {
        "sv": "Utkastet går inte ihop med de data som är publicerade nu. Inget har ändrats.",
        "en": "The draft does not fit the data published now. Nothing has changed.",
    },
    "contrib_refused_no_previous": {
        "sv": "Versionen före bidraget finns inte längre kvar, så det kan inte återkallas. "
              "Inget har ändrats.",
        "en": "The version before the contribution is no longer kept, so it cannot be "
              "withdrawn. Nothing has changed.",
    },
    "contrib_refused_other": {"sv": "Åtgärden nekades ({reason}). Inget har ändrats.",
                              "en": "The action was refused ({reason}). Nothing has changed."},
    "contrib_preview_banner": {
        "sv": "Förhandsvisning av utkastet {file} från {organisation} – inte publicerat",
        "en": "Preview of the draft {file} from {organisation} – not published",
    },
    "contrib_preview_stop": {"sv": "Sluta förhandsvisa", "en": "Stop previewing"},
    "contrib_preview_failed": {
        "sv": "Utkastet {name} går inte att förhandsvisa med de data som är publicerade nu.",
        "en": "Draft {name} cannot be previewed with the data published now.",
    },
    "contrib_audit_at": {"sv": "Tid", "en": "Time"},
    "contrib_audit_actor": {"sv": "Vem", "en": "Who"},
    "contrib_audit_action": {"sv": "Händelse", "en": "Action"},
    "contrib_audit_subject": {"sv": "Gäller", "en": "Subject"},
    "contrib_audit_detail": {"sv": "Detaljer", "en": "Detail"},
    "contrib_audit_empty": {"sv": "Loggen är tom.", "en": "The log is empty."},
    "contrib_audit_range": {"sv": "Händelse {first}–{last} av {n}",
                            "en": "Events {first}–{last} of {n}"},
    "contrib_audit_newer": {"sv": "Nyare", "en": "Newer"},
    "contrib_audit_older": {"sv": "Äldre", "en": "Older"},
    "contrib_audit_csv": {"sv": "Ladda ned hela loggen (CSV)",
                          "en": "Download the whole log (CSV)"},
    "contrib_versions": {"sv": "Versioner och bidrag", "en": "Versions and contributions"},
    "contrib_published_by": {"sv": "Publicerat av", "en": "Published by"},
    "contrib_no_versions": {"sv": "Inga bidrag ännu.", "en": "No contributions yet."},
    "audit_action_add": {"sv": "utkast lämnat", "en": "draft added"},
    "audit_action_publish": {"sv": "publicerat", "en": "published"},
    "audit_action_reject": {"sv": "avvisat", "en": "rejected"},
    "audit_action_withdraw": {"sv": "återkallat", "en": "withdrawn"},
    "audit_action_commit": {"sv": "publicerat direkt (kommandoraden)",
                            "en": "published directly (command line)"},
    "audit_action_user_add": {"sv": "konto skapat", "en": "account added"},
    "audit_action_user_remove": {"sv": "konto borttaget", "en": "account removed"},
    "audit_action_user_role": {"sv": "roll ändrad", "en": "role changed"},
    "audit_action_user_organisation": {"sv": "organisation ändrad",
                                       "en": "organisation changed"},
    "audit_action_user_password": {"sv": "lösenord bytt", "en": "password changed"},
    "audit_action_user_unlock": {"sv": "konto upplåst", "en": "account unlocked"},
    "audit_action_sign_in": {"sv": "inloggning", "en": "signed in"},
    "audit_action_sign_in_failed": {"sv": "misslyckad inloggning", "en": "failed sign-in"},
    "audit_action_locked": {"sv": "konto spärrat", "en": "account locked"},
}
