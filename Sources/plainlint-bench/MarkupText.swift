/// Words and templates that only the Markdown and HTML corpora use: alt text, captions, footnotes, comments,
/// Welsh paragraphs, table captions, link destinations and the expansions of acronyms.
///
/// They are expanded with each writer's own random numbers, never the prose generator's, so adding markup never
/// changes the sentences that the three formats share.
enum MarkupText {
  /// Grammar rules added to `HealthText.rules` for the writers (their templates may use its symbols).
  static let rules: [String: [String]] = [
    "altText": [
      "A nurse checking a patient’s blood pressure", "Diagram of the stomach and the food pipe (oesophagus)",
      "Map of the hospital site showing the main entrance and car parks", "A pharmacist talking to a patient",
      "How to use an inhaler, step by step", "The reception desk in the outpatients department",
      "A blister pack of {medicine}", "A dressing on a wound after an operation", "NHS logo",
    ],
    "caption": [
      "2|{Action}.", "Ask {person} if you’re not sure.", "The main entrance is open {hours}.",
      "{name} and the {team}.", "Take {medicine}{dose}.",
    ],
    "footnote": [
      "See {url} for the latest guidance.", "Source: NICE guideline NG136, updated 2023.",
      "{name}, {team}, 2025.", "Figures from NHS England, 2024.", "Ask {person} for a printed copy.",
    ],
    "comment": [
      "reviewed by the patient panel, March 2025", "TODO: check the phone numbers with the booking team",
      "last updated by the communications team", "do not edit: generated from the leaflet system",
      "section moved from the old website",
    ],
    "welsh": [
      "Mae’r daflen hon ar gael yn Gymraeg.", "Ffoniwch 111 os oes angen help arnoch chi.",
      "Gallwch ofyn am gyfieithydd am ddim.", "Croeso i’r clinig. Dewch â’ch llythyr apwyntiad gyda chi.",
      "Cysylltwch â’r tîm ar {phone}.",
    ],
    "callout": [
      "<strong>Important:</strong> call 999 if you have chest pain or find it hard to breathe.",
      "<strong>Note:</strong> the car park is closed for repairs until {date}.",
      "<em>Coming soon:</em> book your appointments in the NHS App.",
    ],
    "tableCaption": [
      "When to take your medicines", "Your medicines after the operation", "Opening times",
      "Pain relief: how much and how often",
    ],
    "tag": ["medicines", "surgery", "pain", "maternity", "outpatients", "mental-health", "vaccines", "diet"],
  ]

  /// Link destinations for marked words.
  static let destinations: [String] = [
    "https://www.nhs.uk/conditions/", "https://www.nhs.uk/medicines/paracetamol-for-adults/",
    "/patients/leaflets/", "https://www.example-trust.nhs.uk/contact-us", "#contact",
    "https://www.nhs.uk/nhs-services/gps/", "../visiting/index.html", "https://www.nhs.uk/nhs-app/",
  ]

  /// What each acronym that an `<abbr title>` can explain stands for.
  static let expansions: [String: String] = [
    "NHS": "National Health Service", "GP": "general practitioner", "PPI": "proton pump inhibitor",
    "ICB": "integrated care board", "PALS": "Patient Advice and Liaison Service", "BMI": "body mass index",
    "MRI": "magnetic resonance imaging",
  ]

  /// Short code snippets for fenced code blocks and `<pre><code>` (never prose).
  static let snippets: [String] = [
    "Ref: PIL-1234\nTel: 0300 123 4567\nReview: 05/2027",
    "{\n  \"appointment\": \"2025-03-12T09:30\",\n  \"clinic\": \"pre-assessment\",\n  \"ward\": 23\n}",
    "dose = weight_kg * 15  # mg, every 4 to 6 hours\nif dose > 1000: dose = 1000",
    "<p>Call us on <a href=\"tel:03001234567\">0300 123 4567</a></p>",
  ]
}
