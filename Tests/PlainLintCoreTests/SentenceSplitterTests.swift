import Testing

@testable import PlainLintCore

/// One sentence-splitting case: a block of text and the sentences a careful reader finds in it.
struct SentenceCase: CustomTestStringConvertible, Sendable {
  let text: String
  let sentences: [String]

  init(_ text: String, _ sentences: [String]) {
    self.text = text
    self.sentences = sentences
  }

  var testDescription: String { text.count > 60 ? String(text.prefix(57)) + "..." : text }
}

/// Realistic health and care text: appointment letters, medicine leaflets, research summaries and meeting notes.
let sentenceCases: [SentenceCase] = [
  // Titles before names.
  SentenceCase(
    "Your appointment is with Dr. Patel at the Riverside Clinic. Please arrive 10 minutes early.",
    ["Your appointment is with Dr. Patel at the Riverside Clinic.", "Please arrive 10 minutes early."]),
  SentenceCase(
    "Dr Patel will see you in Room 4. Bring your letter with you.",
    ["Dr Patel will see you in Room 4.", "Bring your letter with you."]),
  SentenceCase(
    "Mrs. Jones chaired the meeting. Mr. Ahmed took the notes.",
    ["Mrs. Jones chaired the meeting.", "Mr. Ahmed took the notes."]),
  SentenceCase(
    "You will be treated at St Thomas' Hospital. Parking is limited.",
    ["You will be treated at St Thomas' Hospital.", "Parking is limited."]),
  SentenceCase(
    "The scan is at St. Mary's Hospital, Paddington. Use the main entrance.",
    ["The scan is at St. Mary's Hospital, Paddington.", "Use the main entrance."]),
  SentenceCase(
    "The study was led by Prof. A. B. Jones at King's College London. It ran for two years.",
    ["The study was led by Prof. A. B. Jones at King's College London.", "It ran for two years."]),
  SentenceCase(
    "Contact J. Smith, the ward manager, if you have questions. She works Monday to Friday.",
    ["Contact J. Smith, the ward manager, if you have questions.", "She works Monday to Friday."]),
  SentenceCase(
    "This leaflet was written by J. Smith and K. Owen. It was checked by patients.",
    ["This leaflet was written by J. Smith and K. Owen.", "It was checked by patients."]),
  SentenceCase(
    "Ms. Okafor is your named nurse. Ask her if anything is unclear.",
    ["Ms. Okafor is your named nurse.", "Ask her if anything is unclear."]),
  SentenceCase(
    "Tiredness is common in MS. Rest when you need to.",
    ["Tiredness is common in MS.", "Rest when you need to."]),
  // Abbreviations inside a sentence.
  SentenceCase(
    "Take a painkiller, e.g. Paracetamol or ibuprofen, if you need one. Do not take aspirin.",
    ["Take a painkiller, e.g. Paracetamol or ibuprofen, if you need one.", "Do not take aspirin."]),
  SentenceCase(
    "Use the lowest dose, i.e. one tablet a day. Talk to your pharmacist first.",
    ["Use the lowest dose, i.e. one tablet a day.", "Talk to your pharmacist first."]),
  SentenceCase(
    "Bring your tablets, inhalers, creams etc. and a list of doses. We will check them.",
    ["Bring your tablets, inhalers, creams etc. and a list of doses.", "We will check them."]),
  SentenceCase(
    "You may feel sick, dizzy, tired etc. The feeling usually passes in a day.",
    ["You may feel sick, dizzy, tired etc.", "The feeling usually passes in a day."]),
  SentenceCase(
    "Give approx. 5 ml of the liquid. Use the spoon in the box.",
    ["Give approx. 5 ml of the liquid.", "Use the spoon in the box."]),
  SentenceCase(
    "It costs approx. £9.90 for each item. Some people get free prescriptions.",
    ["It costs approx. £9.90 for each item.", "Some people get free prescriptions."]),
  SentenceCase(
    "Go to Clinic No. 3 on the first floor. The lift is on the left.",
    ["Go to Clinic No. 3 on the first floor.", "The lift is on the left."]),
  SentenceCase(
    "Do you need a referral? No. This service takes self-referrals.",
    ["Do you need a referral?", "No.", "This service takes self-referrals."]),
  SentenceCase(
    "To change your appointment call Tel. 0300 123 4567 between 9am and 5pm. Lines are busy on Mondays.",
    ["To change your appointment call Tel. 0300 123 4567 between 9am and 5pm.", "Lines are busy on Mondays."]),
  SentenceCase(
    "Please quote Ref. AB12345 when you call. This helps us find your records.",
    ["Please quote Ref. AB12345 when you call.", "This helps us find your records."]),
  SentenceCase(
    "The results are shown in Fig. 2 of the report. Fewer people missed appointments.",
    ["The results are shown in Fig. 2 of the report.", "Fewer people missed appointments."]),
  SentenceCase(
    "Your next check is on 14 Jan. 2025 at the surgery. We will send a reminder.",
    ["Your next check is on 14 Jan. 2025 at the surgery.", "We will send a reminder."]),
  // Numbers, times and doses.
  SentenceCase(
    "The usual dose is 2.5 mg once a day. Swallow the tablet whole.",
    ["The usual dose is 2.5 mg once a day.", "Swallow the tablet whole."]),
  SentenceCase(
    "Take 2.5 mg. Then wait an hour.",
    ["Take 2.5 mg.", "Then wait an hour."]),
  SentenceCase(
    "Your appointment is at 3.30pm. Please be on time.",
    ["Your appointment is at 3.30pm.", "Please be on time."]),
  SentenceCase(
    "The clinic opens at 10 a.m. Please do not arrive before then.",
    ["The clinic opens at 10 a.m.", "Please do not arrive before then."]),
  SentenceCase(
    "Visiting is from 2 p.m. to 8 p.m. every day. Two visitors may come at a time.",
    ["Visiting is from 2 p.m. to 8 p.m. every day.", "Two visitors may come at a time."]),
  SentenceCase(
    "The pharmacy closes at 6 p.m. Patients who need medicine after that should call 111.",
    ["The pharmacy closes at 6 p.m.", "Patients who need medicine after that should call 111."]),
  SentenceCase(
    "We are open 8 a.m. Monday to Friday. At weekends call 111.",
    ["We are open 8 a.m. Monday to Friday.", "At weekends call 111."]),
  SentenceCase(
    "More than 1,000 people took part. Most were over 65.",
    ["More than 1,000 people took part.", "Most were over 65."]),
  SentenceCase(
    "The rate fell from 12.5% to 8.1%. This was a big change.",
    ["The rate fell from 12.5% to 8.1%.", "This was a big change."]),
  SentenceCase(
    "You are on ward 7. 20 beds are on this ward.",
    ["You are on ward 7.", "20 beds are on this ward."]),
  SentenceCase(
    "Update the app to v2.0 before your video call. It will not work otherwise.",
    ["Update the app to v2.0 before your video call.", "It will not work otherwise."]),
  // Single letters that end a sentence.
  SentenceCase(
    "Most people get enough vitamin D. Take it in winter if you stay indoors.",
    ["Most people get enough vitamin D.", "Take it in winter if you stay indoors."]),
  SentenceCase(
    "This is a vaccine against hepatitis B. It is given as 3 injections.",
    ["This is a vaccine against hepatitis B.", "It is given as 3 injections."]),
  SentenceCase(
    "Babies are offered a vaccine against hepatitis B. Symptoms of infection can be mild.",
    ["Babies are offered a vaccine against hepatitis B.", "Symptoms of infection can be mild."]),
  SentenceCase(
    "You can still take part if you only have vitamin D. Sunlight helps your body make it.",
    ["You can still take part if you only have vitamin D.", "Sunlight helps your body make it."]),
  // Questions, exclamations and quotes.
  SentenceCase(
    "\"Is it safe?\" she asked. The nurse said it was.",
    ["\"Is it safe?\" she asked.", "The nurse said it was."]),
  SentenceCase(
    "Stop! Call 999. Do not drive yourself to hospital.",
    ["Stop!", "Call 999.", "Do not drive yourself to hospital."]),
  SentenceCase(
    "Is your child drowsy? Are they hard to wake? Call 999 now!",
    ["Is your child drowsy?", "Are they hard to wake?", "Call 999 now!"]),
  SentenceCase(
    "He said \"Take it with food.\" Then he gave me the box.",
    ["He said \"Take it with food.\"", "Then he gave me the box."]),
  SentenceCase(
    "The pharmacist told me, “Take it with food.” Then she gave me a leaflet.",
    ["The pharmacist told me, “Take it with food.”", "Then she gave me a leaflet."]),
  SentenceCase(
    "‘Will it hurt?’ asked one parent. ‘Only a little,’ the nurse replied.",
    ["‘Will it hurt?’ asked one parent.", "‘Only a little,’ the nurse replied."]),
  SentenceCase(
    "Read the safety section (see page 4.) Next, check the dose.",
    ["Read the safety section (see page 4.)", "Next, check the dose."]),
  SentenceCase(
    "Some people feel dizzy. (This is more common in older people.) Sit down if it happens.",
    ["Some people feel dizzy.", "(This is more common in older people.)", "Sit down if it happens."]),
  SentenceCase(
    "One member asked: \"Why are the letters so long?\" Others agreed.",
    ["One member asked: \"Why are the letters so long?\"", "Others agreed."]),
  // Ellipses.
  SentenceCase(
    "I was worried... but the nurse explained everything.",
    ["I was worried... but the nurse explained everything."]),
  SentenceCase(
    "I was worried… but the nurse explained everything.",
    ["I was worried… but the nurse explained everything."]),
  SentenceCase(
    "I waited and waited... Then they called my name.",
    ["I waited and waited...", "Then they called my name."]),
  SentenceCase(
    "The letter said to fast from midnight … I did not know if that meant water too.",
    ["The letter said to fast from midnight …", "I did not know if that meant water too."]),
  // Addresses at the end of a sentence.
  SentenceCase(
    "Visit nhs.uk. Then search for your condition.",
    ["Visit nhs.uk.", "Then search for your condition."]),
  SentenceCase(
    "Read more at https://www.nhs.uk/conditions/flu/. The page is updated every winter.",
    ["Read more at https://www.nhs.uk/conditions/flu/.", "The page is updated every winter."]),
  SentenceCase(
    "Email the team at patient.experience@nhs.net. We reply within 5 working days.",
    ["Email the team at patient.experience@nhs.net.", "We reply within 5 working days."]),
  SentenceCase(
    "Use 111.nhs.uk or call 111. Both are free.",
    ["Use 111.nhs.uk or call 111.", "Both are free."]),
  // Dotted abbreviations.
  SentenceCase(
    "Flu vaccines are free for many people in the U.K. The NHS offers them every autumn.",
    ["Flu vaccines are free for many people in the U.K.", "The NHS offers them every autumn."]),
  SentenceCase(
    "The trial (i.e. the main study) ended in May. Results are due next year.",
    ["The trial (i.e. the main study) ended in May.", "Results are due next year."]),
  // Research summaries and meeting notes.
  SentenceCase(
    "Action: K. Begum to send the notes. Next meeting on 12/03/2024 at 10:30am.",
    ["Action: K. Begum to send the notes.", "Next meeting on 12/03/2024 at 10:30am."]),
  SentenceCase(
    "Members reviewed the draft leaflet. COVID-19 guidance has changed since March.",
    ["Members reviewed the draft leaflet.", "COVID-19 guidance has changed since March."]),
  SentenceCase(
    "Waiting times went down by 10–15 minutes. A&E staff said this helped.",
    ["Waiting times went down by 10–15 minutes.", "A&E staff said this helped."]),
  SentenceCase(
    "The service runs 24/7. NHS 111 can also help.",
    ["The service runs 24/7.", "NHS 111 can also help."]),
  SentenceCase(
    "Speak to your GP. They can refer you.",
    ["Speak to your GP.", "They can refer you."]),
  SentenceCase(
    "Thank you to the readers’ panel. Their comments made the leaflet clearer.",
    ["Thank you to the readers’ panel.", "Their comments made the leaflet clearer."]),
  SentenceCase(
    "Don’t stop taking it suddenly. It can make you unwell.",
    ["Don’t stop taking it suddenly.", "It can make you unwell."]),
  SentenceCase(
    "Bring your letter.\nBring a list of your medicines.",
    ["Bring your letter.", "Bring a list of your medicines."]),
  SentenceCase(
    "The ward is quiet at night.  Ask for ear plugs if you need them.",
    ["The ward is quiet at night.", "Ask for ear plugs if you need them."]),
  SentenceCase(
    "Côté Ward is on level 2. Ŵyn from the Welsh team can help.",
    ["Côté Ward is on level 2.", "Ŵyn from the Welsh team can help."]),
  SentenceCase(
    "Follow-up lasted 5 yrs. 320 patients completed the study.",
    ["Follow-up lasted 5 yrs.", "320 patients completed the study."]),
  SentenceCase(
    "My wife had the jab and so did I. Neither of us had side effects.",
    ["My wife had the jab and so did I.", "Neither of us had side effects."]),
  SentenceCase(
    "If you cannot come, tell your dr. They can offer another date.",
    ["If you cannot come, tell your dr.", "They can offer another date."]),
  SentenceCase(
    "Thanks to our volunteers, J. Smith and A. Patel. They tested every page.",
    ["Thanks to our volunteers, J. Smith and A. Patel.", "They tested every page."]),
  SentenceCase(
    "Smith et al. found fewer falls. The effect was small.",
    ["Smith et al. found fewer falls.", "The effect was small."]),
  SentenceCase(
    "Results: 45% improved (n=120). This is in line with earlier trials.",
    ["Results: 45% improved (n=120).", "This is in line with earlier trials."]),
  SentenceCase(
    "Ask \"Is it urgent?\" if you are not sure. Staff will tell you.",
    ["Ask \"Is it urgent?\" if you are not sure.", "Staff will tell you."]),
  SentenceCase(
    "\"Is it safe?\" \"Yes.\" That was all he said.",
    ["\"Is it safe?\"", "\"Yes.\"", "That was all he said."]),
  SentenceCase(
    "See section 4.2. It explains the side effects.",
    ["See section 4.2.", "It explains the side effects."]),
  SentenceCase(
    "Take 1 tablet each morning for 3 days. Then stop.",
    ["Take 1 tablet each morning for 3 days.", "Then stop."]),
  SentenceCase(
    "The NHS No. is on your letter. Keep it safe.",
    ["The NHS No. is on your letter.", "Keep it safe."]),
  SentenceCase(
    "We will see you at 9 a.m. GMT on the day. Please arrive early.",
    ["We will see you at 9 a.m. GMT on the day.", "Please arrive early."]),
  SentenceCase(
    "Have you looked at nhs.uk? It has advice on most conditions.",
    ["Have you looked at nhs.uk?", "It has advice on most conditions."]),
  SentenceCase(
    "The swab test found group A. Doctors call this strep A. Antibiotics will help.",
    ["The swab test found group A.", "Doctors call this strep A.", "Antibiotics will help."]),
  SentenceCase(
    "There is no vaccine for hepatitis C. Treatment usually cures it.",
    ["There is no vaccine for hepatitis C.", "Treatment usually cures it."]),
  SentenceCase(
    "The food hygiene rating for our canteen is an A. Inspectors visit every year.",
    ["The food hygiene rating for our canteen is an A.", "Inspectors visit every year."]),
  SentenceCase("No full stop at the end", ["No full stop at the end"]),
  SentenceCase("", []),
]

@Suite("Sentence splitting")
struct SentenceSplitterTests {
  @Test("a careful reader's sentences", arguments: sentenceCases)
  func splitsLikeAReader(_ example: SentenceCase) {
    #expect(SentenceSplitter.sentences(in: example.text) == example.sentences)
  }

  @Test func thereAreEnoughCases() {
    #expect(sentenceCases.count >= 45)
  }
}
