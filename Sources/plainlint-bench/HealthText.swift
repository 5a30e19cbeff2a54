/// The word pools and templates of the generated corpus: UK patient information, written for this benchmark.
///
/// The mix follows real leaflets: mostly plain instructions in the second person, some long sentences, contact
/// details (phone numbers, web and email addresses), times, doses and dates, abbreviations with full stops
/// (Dr., e.g., approx.), curly quotes and apostrophes, a few accented words and the odd emoji. Acronyms (NHS,
/// GP, PPI, ICB, A&E) turn up about as often as in real leaflets: NHS and GP in many paragraphs, the rest rarely.
enum HealthText {
  /// The grammar's rules, by symbol.
  static let rules: [String: [String]] = [
    // A clause: the building block of sentences. Sentences join one to four of them.
    "clause": [
      "6|{subject} {modal} {action}",
      "5|{subject} {modal} {action} {when}",
      "4|{subject} {modal} {action} {condition}",
      "3|{condition}, {subject} {modal} {action}",
      "2|{subject} {modal} {action} {reason}",
      "2|it’s {adjective} to {action} {when}",
      "it's {adjective} to {action}",
      "2|most people {feel} {when}",
      "this leaflet explains {topic}",
      "{person} will explain {topic} {when}",
      "some people get {sideEffect} {when}",
      "{sideEffect} should {goesAway} {when}",
      "you’ll have a chance to ask questions about {topic}",
      "there is no need to {action} {condition}",
      "{name} from the {team} will {action}",
    ],
    "connector": [
      "5|, and ", "3|, but ", "2|, or ", "2| and then ", "2|; ", "2|, so ", " – ", "2| because ", " while ",
      ", although ", " until ", ", which means ",
    ],
    "subject": [
      "6|you", "3|your GP", "the nurse", "{name}", "your pharmacist", "the ward team", "a member of staff",
      "2|your care team", "2|we", "the NHS", "your ICB", "your midwife", "the consultant", "your carer",
      "the surgeon", "your health visitor", "the PALS team", "our reception staff", "your physiotherapist",
    ],
    "modal": [
      "5|should", "4|can", "3|may", "3|will", "might", "could", "must", "2|should not", "will not", "may need to",
      "cannot", "may want to",
    ],
    "action": [
      "3|take {medicine}{dose}", "3|call {service}", "book an appointment with {person}", "bring {item}",
      "check your blood pressure", "stop taking {medicine}", "ask {person} about {topic}", "eat a light meal",
      "drink plenty of water", "rest for {duration}", "keep the wound clean and dry", "use your inhaler{dose}",
      "see {person}", "have a blood test", "fill in the form at {url}", "email {email}",
      "tell {person} about any allergies", "read the leaflet ‘{title}’", "go to A&E", "get a repeat prescription",
      "talk to {person} about how you feel", "wear loose, comfortable clothes", "avoid alcohol",
      "order your prescription online", "come to {place}", "have your COVID-19 vaccine", "take off any jewellery",
      "check your BMI", "have an MRI scan", "arrive {duration} early", "let us know if you need an interpreter",
      "bring someone with you", "follow the instructions in your letter", "keep taking {medicine}",
      "have something to eat", "use the hospital café", "ring the bell for help", "book a GP appointment online",
      "lift anything heavy", "drive {when}", "have a bath or shower", "go back to work {when}",
    ],
    "medicine": [
      "3|omeprazole", "3|paracetamol", "2|ibuprofen", "your PPI medicine", "metformin", "amoxicillin",
      "your blood pressure tablets", "the antibiotics", "lansoprazole", "warfarin", "your usual medicines",
      "the painkillers", "2|your medicine", "co-codamol", "the eye drops",
    ],
    "dose": [
      "6|", "2| twice a day", " once a day", " 2.5mg once a day", "2| with food", " every 4 to 6 hours",
      " at 8am and 8pm", " as prescribed", " with a glass of water", " 30 minutes before breakfast",
      " for 7 days", " no more than 4 times in 24 hours", " at the same time each day",
    ],
    "person": [
      "3|your GP", "2|a pharmacist", "the nurse", "{name}", "your midwife", "the team", "your health visitor",
      "the PALS team", "your consultant", "the ward staff", "your dentist", "a doctor",
    ],
    "name": [
      "Dr Patel", "Dr. Okafor", "Mrs Khan", "Mr O’Brien", "Prof. Evans", "Dr Chloë Smith", "Nurse José García",
      "Dr Nguyen", "Ms Zoë Williams", "Dr A. Jones", "Sister Renée Martin", "Mr Wójcik",
    ],
    "team": ["pain team", "pre-assessment clinic", "diabetes team", "PALS office", "pharmacy", "ICB"],
    "service": [
      "3|NHS 111", "2|your GP surgery", "999", "2|us on {phone}", "the ward on {phone}", "your pharmacy",
      "the booking team on {phone}", "the clinic",
    ],
    "phone": [
      "3|0300 123 4567", "020 7946 0958", "0113 496 0000", "07700 900123", "+44 20 7946 0958", "0161 496 0123",
      "0800 123 4567", "01632 960 001",
    ],
    "hours": [
      "between 8am and 6pm, Monday to Friday", "from 9:00 to 17:00", "at any time", "between 8.30am and 5pm",
      "24 hours a day, 7 days a week", "on weekdays before 10am",
    ],
    "when": [
      "3|before your operation", "2|after your appointment", "at {time}", "within {duration}", "for {duration}",
      "on {date}", "the night before", "each morning", "during the first few days", "as soon as you can",
      "by {time} on the day", "2|after you go home", "for approx. {duration}", "until your wound has healed",
      "before you leave hospital", "when you wake up",
    ],
    "time": ["9am", "9:30am", "10.15am", "2pm", "6 p.m.", "14:00", "midday", "7.30am", "8 a.m.", "4pm"],
    "duration": [
      "24 hours", "2 to 3 days", "10 minutes", "48 hours", "1–2 weeks", "6 weeks", "a few days",
      "about 30 minutes", "10 days", "3 months", "15 minutes",
    ],
    "date": ["12/03/2025", "Monday 3 March", "1 April 2025", "the 2nd of June", "Friday 14 November", "31.10.2025"],
    "condition": [
      "3|if you have a high temperature", "2|if your symptoms get worse", "if you’re not sure what to do",
      "2|if you feel unwell", "when you get home", "unless your doctor tells you otherwise",
      "2|if you have any questions", "if the pain does not go away", "if you are pregnant or breastfeeding",
      "if you’ve missed a dose", "if you can’t get through", "if you’re worried about {topic}",
      "if you have a temperature of 38°C or above", "if you're taking {medicine}", "when you are ready",
    ],
    "reason": [
      "because it helps your body heal", "so that we can check you are well", "as this lowers the risk of infection",
      "so the team knows what you need", "because some medicines, e.g. warfarin, can affect the result",
      "to help you recover more quickly", "so that your GP gets the results",
      "because it can take up to 2 weeks to work",
    ],
    "topic": [
      "2|your medicines", "side effects", "your diet", "your recovery", "the results", "your BMI",
      "COVID-19 vaccines", "your mental health", "the MRI scan", "what happens next", "your care plan",
      "how to look after your wound", "the risks and benefits",
    ],
    "adjective": ["important", "a good idea", "normal", "safe", "best", "helpful", "OK"],
    "feel": [
      "feel tired", "feel better", "go home", "can eat and drink", "feel some pain", "need a few days off work",
    ],
    "sideEffect": [
      "headaches", "feeling sick (nausea)", "diarrhoea", "a dry mouth", "tummy pain", "dizziness", "a rash",
      "mild bruising",
    ],
    "goesAway": ["go away", "get better", "stop", "settle down", "ease"],
    "item": [
      "a list of your medicines", "your glasses or hearing aid", "something to read", "your appointment letter",
      "a dressing gown and slippers", "any walking aids you use", "your NHS number", "a phone charger",
    ],
    "place": [
      "the main entrance", "Ward 23", "the outpatients department", "St Thomas’ Hospital", "the café",
      "the Women’s Health Unit", "reception on level 2", "the X-ray department",
    ],
    "url": [
      "3|https://www.nhs.uk/medicines/omeprazole/", "2|www.nhs.uk", "https://www.nhs.uk/conditions/asthma/",
      "nhs.uk/111", "https://www.example-trust.nhs.uk/patients/leaflets?id=4521", "gov.uk/carers-allowance",
      "http://example.nhs.uk/pals", "111.nhs.uk", "https://www.nice.org.uk/guidance/ng136",
    ],
    "email": [
      "pals@example.nhs.uk", "bookings.team@example-trust.nhs.uk", "patient.feedback@example.org",
      "icb.enquiries@nhs.net",
    ],
    "title": ["Going home after your operation", "Your medicines", "Pain relief", "Eating well"],
    "quote": [
      "Is this medicine safe for me?", "What happens if I miss a dose?", "Can I drive after the test?",
      "How long will it take?", "Who can I call at night?",
    ],
    // Whole sentences with their own shape: contact details, quotes, abbreviations, symbols and emoji.
    "special": [
      "4|Call {phone} {hours}.", "3|For more information, visit {url}.", "2|You can also email {email}.",
      "2|Ask {person}: “{quote}”", "Some foods, e.g. grapefruit, can affect how {medicine} works.",
      "In an emergency, call 999 or go to A&E 🚑.",
      "The hospital café is open from 8am to 6pm, Monday to Friday ☕.",
      "It’s not naïve to ask questions ✅.", "{name} said, “You’re doing really well.”",
      "Don’t worry if you miss a dose – take the next one at the usual time.",
      "👩‍⚕️ Your nurse will see you at {time}.", "Your results should be ready in approx. {duration}.",
      "See section 4.2 on p. 12 for details.", "Parking costs £2.50 for up to 2 hours.",
      "Over 1,000 people took part in the study, i.e. about 1 in 10 patients.", "Please don't smoke on site 🚭.",
      "Visit ward No. 3 on the 2nd floor.", "The clinic is in Building B (next to the café).",
      "Read “{title}” on our website, {url}.", "We’re here to help 👍🏽.", "2|What happens next?",
      "Is it safe?", "Please tell us if you need this leaflet in another format, e.g. large print or Braille.",
      "Don’t stop taking {medicine} without talking to {person}.", "NHS 111 is free to call from mobiles.",
      "Are you a carer?", "You can call us on {phone} (option 2).", "The GP practice closes at 6:30pm.",
      "Your ICB pays for this service.",
    ],
    "heading": [
      "About your medicine", "Before your operation", "What is a PPI?", "Contact us", "How to take {medicine}",
      "Side effects", "Getting to the hospital", "Who we are", "Your appointment", "Further information",
      "Coming into hospital", "After you go home", "COVID-19 vaccines", "Questions to ask", "WHAT TO BRING",
      "Help and support 💬", "Pain relief after surgery", "Going home: a checklist",
    ],
    "listIntro": [
      "You’ll need to bring:", "Call us if you have:", "Common side effects include:", "On the day, please:",
      "Before you come in:", "You can get help from:",
    ],
    "listItem": [
      "3|{item}", "2|{sideEffect}", "a high temperature of 38°C or above", "{service}", "{person}",
      "take {medicine}{dose}", "{Action}", "our website: {url}", "pain that does not go away with {medicine}",
      "a rash, itching or swelling, or any other sign of an allergic reaction, which may mean you need to stop "
        + "taking the medicine straight away and call {service}",
      "{Action}.",
    ],
    "Action": [
      "Eat a light meal the night before", "Have a bath or shower", "Take off any nail varnish",
      "Bring your glasses", "Leave valuables at home", "Arrive 15 minutes early",
    ],
    "footer": [
      "Leaflet ref: PIL-1234 · Review date: 05/2027", "© Example NHS Foundation Trust 2025",
      "Published: March 2025. Version 3.1", "This leaflet was written with patients and carers.",
      "Tel: {phone} | Email: {email}",
    ],
  ]
}
