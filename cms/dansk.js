// Decap CMS's own texts in Danish as an editor reads them (/admin/). Written by hand; `build.py` serves it beside
// Decap at /admin/, after Decap's bundle and before Decap reads cms/config.yml, whose `locale: da` chooses them.
//
// Decap's bundle has a Danish of its own with slips an editor stumbles on: 'Du er blevet logget ind' when the
// login has run out, 'Medie elementer', 'Detalger', 'Upload' and 'Download' in English, 'Skriver til Kurser
// samlingen', 'være være', 'tidliere', and the texts it has no Danish for at all (Decap shows them in English:
// 'Expand', 'Close', 'Toggle preview'). The bundle is vendored as npm has it and never patched
// (vendor/update_decap_cms.py); so its Danish is taken as it is, these corrections laid over it, and the result
// registered again under 'da'. What is not corrected here stays Decap's.
//
// Phrases with %{…} keep Decap's placeholders; '||||' separates the singular from the plural.
(function () {
  "use strict";
  var CMS = window.CMS;
  if (!CMS || typeof CMS.getLocale !== "function" || typeof CMS.registerLocale !== "function") {
    return;
  }

  var CORRECTIONS = {
    auth: {
      loggingIn: "Logger ind …",
      loginWithForgejo: "Log ind med Forgejo",
      errors: {
        email: "Skriv din e-mailadresse.",
        password: "Skriv din adgangskode.",
        identitySettings: "Indstillingerne for login kunne ikke hentes."
      }
    },
    app: {
      header: { quickAdd: "Opret ny" },
      app: {
        errorHeader: "Formularerne kunne ikke indlæses",
        configErrors: "Fejl i formularernes opsætning",
        checkConfigYml: "Bed den, der passer hjemmesiden, om at tjekke filen cms/config.yml.",
        loadingConfig: "Indlæser formularerne …",
        waitingBackend: "Forbinder …"
      }
    },
    collection: {
      collectionTop: {
        newButtonAriaLabel: "Opret ny: %{collectionLabel}",
        viewAsList: "Vis som liste",
        viewAsGrid: "Vis som gitter"
      },
      entries: {
        loadingEntries: "Indlæser …",
        cachingEntries: "Henter dokumenterne …",
        longerLoading: "Det kan tage et par minutter",
        noEntries: "Her er ingen dokumenter endnu",
        unpublishedHeader: "Ikke publiceret endnu"
      },
      groups: { other: "Andre" },
      defaultFields: { updatedOn: { label: "Opdateret" } }
    },
    editor: {
      editorControl: { field: { widgetLabel: "Feltet %{widgetLabel}" } },
      editorControlPane: {
        widget: {
          regexPattern: "%{fieldLabel}: %{pattern}.",
          max: "%{fieldLabel} må højst være %{maxValue}.",
          rangeCount: "%{fieldLabel} skal have fra %{minCount} til %{maxCount}.",
          rangeCountExact: "%{fieldLabel} skal have præcis %{count}.",
          rangeMin: "%{fieldLabel} skal have mindst %{minCount}.",
          rangeMax: "%{fieldLabel} må højst have %{maxCount}."
        }
      },
      editorInterface: {
        toggleI18n: "Vis eller skjul sprog",
        togglePreview: "Vis eller skjul forhåndsvisningen",
        toggleScrollSync: "Rul formular og forhåndsvisning sammen",
        toggleNotes: "Vis eller skjul noter"
      },
      editorNotesPane: {
        title: "Noter",
        emptyState: "Ingen noter endnu.",
        addNote: "Tilføj note",
        addPlaceholder: "Skriv en note …",
        editPlaceholder: "Ret noten …",
        save: "Gem",
        cancel: "Fortryd",
        edit: "Ret",
        "delete": "Slet",
        resolve: "Markér som klaret",
        unresolve: "Markér som ikke klaret",
        confirmDelete: "Vil du slette noten?",
        shortcut: "Tip: Ctrl+Enter tilføjer noten"
      },
      editor: {
        onLeavePage: "Vil du forlade siden? Det, du ikke har gemt, går tabt.",
        onUpdatingWithUnsavedChanges: "Du har ændringer, der ikke er gemt. Gem dem, før du skifter status.",
        onPublishingNotReady: "Skift status til \"Klar\", før du publicerer.",
        onPublishingWithUnsavedChanges: "Du har ændringer, der ikke er gemt. Gem dem, før du publicerer.",
        onPublishing: "Vil du publicere dokumentet nu?",
        onUnpublishing: "Vil du tage dokumentet af hjemmesiden?",
        onDeleteWithUnsavedChanges: "Vil du slette dokumentet fra hjemmesiden, sammen med de ændringer, du ikke " +
          "har gemt?",
        onDeletePublishedEntry: "Vil du slette dokumentet fra hjemmesiden?",
        onDeleteUnpublishedChangesWithUnsavedChanges: "Alle ændringer, der ikke er publiceret, slettes, også dem, " +
          "du ikke har gemt. Vil du slette dem?",
        onDeleteUnpublishedChanges: "Alle ændringer, der ikke er publiceret, slettes. Vil du slette dem?",
        loadingEntry: "Indlæser …",
        confirmLoadBackup: "Der er en kopi af dine ændringer, som ikke blev gemt. Vil du fortsætte med den?"
      },
      editorToolbar: {
        publishing: "Publicerer …",
        unpublishing: "Tager dokumentet af hjemmesiden …",
        saving: "Gemmer …",
        deleting: "Sletter …",
        updating: "Opdaterer …",
        backCollection: " Tilbage til %{collectionLabel}",
        deleteUnpublishedChanges: "Slet ændringer, der ikke er publiceret",
        deleteUnpublishedEntry: "Slet dokumentet, før det er publiceret",
        deletePublishedEntry: "Slet dokumentet fra hjemmesiden",
        statusInfoTooltipDraft: "Dokumentet er en kladde. Når du er færdig, så skift status til 'Til gennemsyn'.",
        statusInfoTooltipInReview: "Dokumentet er til gennemsyn; du behøver ikke gøre mere. Du kan stadig rette " +
          "det, mens det er til gennemsyn.",
        draft: "Kladde",
        deployPreviewPendingButtonLabel: "Se efter forhåndsvisning",
        deployPreviewButtonLabel: "Vis forhåndsvisning",
        deployButtonLabel: "Vis på hjemmesiden"
      },
      editorWidgets: {
        markdown: {
          linkPrompt: "Skriv adressen, linket skal føre til",
          numberedList: "Nummereret liste",
          richText: "Formateret tekst",
          strikethrough: "Gennemstreget",
          toggleMode: { rich: "Skift til formateret tekst", markdown: "Skift til Markdown" }
        },
        image: { chooseUrl: "Indsæt fra en adresse", replaceUrl: "Erstat med en adresse",
                 promptUrl: "Skriv billedets adresse" },
        file: { chooseUrl: "Indsæt fra en adresse", replaceUrl: "Erstat med en adresse",
                promptUrl: "Skriv filens adresse" },
        unknownControl: { noControl: "Feltet '%{widget}' kan ikke vises." },
        unknownPreview: { noPreview: "'%{widget}' kan ikke forhåndsvises." },
        datetime: { setToNow: "Sæt %{fieldLabel} til nu" },
        object: { expand: "Fold ud", collapse: "Fold sammen" }
      }
    },
    mediaLibrary: {
      mediaLibraryCard: { copyUrl: "Kopiér adresse", copyPath: "Kopiér sti", copyName: "Kopiér navn",
                          copy: "Kopiér" },
      mediaLibrary: {
        onDelete: "Vil du slette den valgte fil?",
        fileTooLarge: "Filen er for stor.\nDen må højst fylde %{size} kB."
      },
      mediaLibraryModal: {
        noAssetsFound: "Ingen filer.",
        "private": "Privat",
        mediaAssets: "Filer",
        uploading: "Lægger op …",
        upload: "Læg fil op",
        download: "Hent",
        deleting: "Sletter …",
        close: "Luk"
      }
    },
    ui: {
      errorBoundary: {
        details: "Der er sket en fejl. ",
        reportIt: "Fortæl den, der passer hjemmesiden, om den.",
        detailsHeading: "Detaljer",
        privacyWarning: "Send beskeden nedenfor med, når du fortæller om fejlen, men tjek først, at den ikke " +
          "indeholder oplysninger, der ikke må deles.",
        recoveredEntry: { warning: "Kopiér det her et andet sted hen, før du går videre!" }
      },
      settingsDropdown: { logOut: "Log ud", account: "Din konto" },
      toast: {
        onFailToLoadEntries: "Dokumenterne kunne ikke indlæses: %{details}",
        onFailToLoadDeployPreview: "Forhåndsvisningen kunne ikke indlæses: %{details}",
        onFailToPublishEntry: "Dokumentet kunne ikke publiceres: %{details}",
        onFailToUnpublishEntry: "Dokumentet kunne ikke tages af hjemmesiden: %{details}",
        entryPublished: "Dokumentet er publiceret",
        entryUnpublished: "Dokumentet er taget af hjemmesiden",
        entryUpdated: "Dokumentets status er ændret",
        onDeleteUnpublishedChanges: "Ændringerne, der ikke var publiceret, er slettet",
        onLoggedOut: "Du er blevet logget ud. Kopiér det, du ikke har gemt, et andet sted hen, og log ind igen.",
        onBackendDown: "GitHub svarer ikke lige nu. Se %{details}",
        noteAdded: "Noten er tilføjet",
        onFailToAddNote: "Noten kunne ikke tilføjes: %{details}",
        noteUpdated: "Noten er rettet",
        onFailToUpdateNote: "Noten kunne ikke rettes: %{details}",
        noteDeleted: "Noten er slettet",
        onFailToDeleteNote: "Noten kunne ikke slettes: %{details}",
        noteResolved: "Noten er markeret som klaret",
        noteReopened: "Noten er åbnet igen",
        onFailToToggleNote: "Noten kunne ikke ændres: %{details}"
      }
    },
    workflow: {
      workflow: {
        loading: "Indlæser forslagene …",
        workflowHeading: "Forslag til ændringer",
        newPost: "Opret ny",
        description: "%{smart_count} forslag venter på gennemsyn, %{readyCount} er klar til at blive publiceret. " +
          "|||| %{smart_count} forslag venter på gennemsyn, %{readyCount} er klar til at blive publiceret."
      },
      workflowCard: {
        deleteNewEntry: "Slet det nye dokument",
        publishChanges: "Publicer ændringerne",
        publishNewEntry: "Publicer det nye dokument"
      },
      workflowList: {
        onDeleteEntry: "Vil du slette dokumentet?",
        onPublishingNotReadyEntry: "Kun det, der står under \"Klar\", kan publiceres. Træk kortet over i " +
          "kolonnen \"Klar\" først.",
        onPublishEntry: "Vil du publicere dokumentet?",
        currentEntries: "%{smart_count} forslag |||| %{smart_count} forslag"
      }
    }
  };

  // ``corrections`` laid over ``phrases``, level by level, without changing either.
  function merged(phrases, corrections) {
    var result = {};
    Object.keys(phrases || {}).forEach(function (key) { result[key] = phrases[key]; });
    Object.keys(corrections).forEach(function (key) {
      var value = corrections[key];
      result[key] = value && typeof value === "object" ? merged(result[key], value) : value;
    });
    return result;
  }

  CMS.registerLocale("da", merged(CMS.getLocale("da"), CORRECTIONS));
}());
