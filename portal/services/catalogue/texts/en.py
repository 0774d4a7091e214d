"""English texts of the seeded practices (title and summary come from `catalogue/data.py`)."""

TEXTS = {
    "fuenlabrada-intercultural-community-policing": {
        "how_it_works": (
            "A small unit inside the local police manages diversity. Its officers visit minority associations on a "
            "fixed schedule and bring what they hear back to their colleagues. Every officer learns about Roma culture "
            "and equal treatment, an identity check needs a reason that is not a person's origin, and residents can "
            "report problems in simple ways, also through associations they trust."
        ),
        "where_it_worked": (
            "Fuenlabrada, a town of nearly 200,000 people near Madrid, since about 2007. It serves a mixed population "
            "with Roma families and migrants from many countries. The Council of Europe presents it to other cities as a model."
        ),
        "how_to_start": (
            "Name a small team in the local police and give it time for community work.\n"
            "List the minority associations and agree regular meetings with them.\n"
            "Train every officer on Roma culture, equal treatment and fair identity checks.\n"
            "Open ways to report that do not need a visit to a police station."
        ),
        "who_is_needed": "The head of the local police, two to four officers for the unit, minority associations and a trainer on equal treatment.",
        "costs": "Mostly staff time: the officers of the unit and some hours of training for everyone. Little money beyond training materials.",
        "evidence_note": "Described in Council of Europe and city reports. No published evaluation measured the results of the whole model.",
    },
    "manual-intercultural-community-policing": {
        "how_it_works": (
            "The manual takes a police chief or a mayor through the choices to make: which unit does what, which "
            "protocols to write, how to involve residents, and how to check that every group is treated fairly. It "
            "turns the experience of Fuenlabrada into general steps."
        ),
        "where_it_worked": "Written for the cities of the Intercultural Cities network in Europe, for towns of any size with minorities, Roma communities among them.",
        "how_to_start": (
            "Read the manual with the head of the local police and the councillor for safety.\n"
            "Compare your police units and procedures with its checklists.\n"
            "Choose two or three changes for the first year and put them in a plan.\n"
            "Review the plan every year with minority associations."
        ),
        "who_is_needed": "Police leaders, the mayor's office or the councillor for safety, and people from minority associations.",
        "costs": "A few working days of senior staff to review procedures. The manual itself is free.",
        "evidence_note": "A guide written by experts from their practice. It does not report measured results.",
    },
    "stop-forms-and-rights-leaflet": {
        "how_it_works": (
            "Each time officers stop someone, they fill in a short form: the reason, the result, and the age, sex and "
            "apparent origin of the person. The person gets a leaflet on their rights and on how to complain. Every "
            "few months supervisors study the forms to find groups that are stopped more often without a good reason, "
            "and change the instructions."
        ),
        "where_it_worked": (
            "Fuenlabrada's local police from 2007, then other Spanish local police forces. It protects people who are "
            "stopped more than others, such as Roma and migrants."
        ),
        "how_to_start": (
            "Agree the form and the leaflet with the police, a data protection officer and community groups.\n"
            "Train officers on the form and on the legal grounds for a stop.\n"
            "Collect the forms in a simple database.\n"
            "Review the figures every three months and share the main results with residents."
        ),
        "who_is_needed": "Police managers, patrol officers, someone to analyse the data, a data protection officer and community groups.",
        "costs": "Printing forms and leaflets, a few minutes for each stop and a part-time analyst. Training takes one or two days for each officer.",
        "evidence_note": "Stops and their results were counted before and after the change in Fuenlabrada: stops went down and more of them found something. No other town was compared.",
    },
    "hate-incident-register": {
        "how_it_works": (
            "Officers record every racist or xenophobic incident in a register of its own, even when it is not a "
            "crime, for example insulting graffiti. Liaison officers stay in touch with minority associations, pass on "
            "what they learn and tell victims what happens next."
        ),
        "where_it_worked": "Fuenlabrada's local police. It helps Roma families and other minorities who rarely report incidents.",
        "how_to_start": (
            "Decide what counts as a hate incident, using the bias indicators of the Council of Europe toolkit.\n"
            "Add a register, or a mark in the existing records.\n"
            "Name liaison officers and give their contacts to the associations.\n"
            "Publish the numbers every year, without names."
        ),
        "who_is_needed": "The police records office, one or two liaison officers and minority associations.",
        "costs": "Staff time for liaison and a small change to the records system.",
        "evidence_note": "Described in reports on Fuenlabrada. The effect on reporting was not measured on its own.",
    },
    "anti-rumours-strategy": {
        "how_it_works": (
            "The city finds out which rumours about minorities go around, and where. It collects facts and also "
            "arguments that speak to feelings, because facts alone rarely change a story people like to tell. People "
            "from local groups are trained as anti-rumour agents who answer rumours in everyday talk, and campaigns "
            "use humour, stories and events."
        ),
        "where_it_worked": (
            "Barcelona from 2010, then many cities in Spain, Portugal and other countries through the Intercultural "
            "Cities programme. It answers rumours about Roma, migrants and other groups."
        ),
        "how_to_start": (
            "Listen: collect the rumours people hear in neighbourhoods, schools and online.\n"
            "Gather facts and one emotional argument for each rumour.\n"
            "Build a network of local groups and train the first anti-rumour agents.\n"
            "Run a small campaign and check what changed."
        ),
        "who_is_needed": "A coordinator in the city, local associations, volunteers as anti-rumour agents and someone who knows the figures.",
        "costs": "A part-time coordinator, training days and a modest budget for campaign materials and events.",
        "evidence_note": "Handbooks describe the method and cities report on their campaigns. Some asked participants before and after, but no place was compared with another.",
    },
    "lisbon-participatory-community-policing": {
        "how_it_works": (
            "In each neighbourhood, police and residents first walk the area together and list what makes people feel "
            "unsafe. They agree on the profile of the team that will work there. Officers and residents train together, "
            "meet every month as a partnership, and the team patrols on foot every day, so people know the officers by name."
        ),
        "where_it_worked": (
            "Lisbon, run by the Municipal Police since 2009, now in 14 neighbourhoods, including social housing areas "
            "where Roma and migrant families live."
        ),
        "how_to_start": (
            "Choose one neighbourhood and invite residents, schools and associations.\n"
            "Do a local safety audit together.\n"
            "Choose the team with the community and train officers and residents together.\n"
            "Meet as a partnership every month and start daily foot patrols."
        ),
        "who_is_needed": "A team of dedicated officers, a coordinator, residents and local associations, and the local council.",
        "costs": "Officers who work full time in one neighbourhood, training, and rooms for meetings. Foot patrols replace some car patrols instead of adding to them.",
        "evidence_note": "Described by the city and in European projects. No published evaluation compared neighbourhoods with and without it.",
    },
    "local-safety-contracts": {
        "how_it_works": (
            "The ministry and the municipality sign a contract for an area. It sets common goals, says who does what "
            "among the police, schools, social services and associations, and plans regular reviews."
        ),
        "where_it_worked": "Portuguese municipalities, in areas with many social problems, some of them with Roma communities.",
        "how_to_start": (
            "Map the safety problems of the area with local partners.\n"
            "Write the goals and who does what in a contract.\n"
            "Set up a local committee that meets regularly.\n"
            "Review progress every year and adjust the contract."
        ),
        "who_is_needed": "The interior ministry, the municipality, the police, schools, social services and associations.",
        "costs": "Mostly staff time for coordination. Some contracts pay for specific projects.",
        "evidence_note": "Described in government documents. Results were not published in a way that allows comparison.",
    },
    "coe-toolkit-racially-motivated-crime": {
        "how_it_works": (
            "The toolkit explains what the European Court of Human Rights expects from the police, lists signs that a "
            "crime was driven by bias, and shows how to record incidents, support victims, avoid racial profiling and "
            "make reporting easier. It serves in training and as a reference on duty."
        ),
        "where_it_worked": "Used in Council of Europe training for police in several member states, with a focus on Roma and Travellers.",
        "how_to_start": (
            "Ask the Council of Europe for the toolkit in your language.\n"
            "Add its bias indicators to the incident forms.\n"
            "Use its cases in the next training for patrol officers.\n"
            "After six months, check a sample of recorded incidents."
        ),
        "who_is_needed": "Police trainers, the records office and, if possible, a Roma mediator or association to join the training.",
        "costs": "Training time for officers. The toolkit is free.",
        "evidence_note": "Standards and guidance based on court cases. It does not measure results itself.",
    },
    "police-and-roma-curriculum": {
        "how_it_works": (
            "Police trainers follow a course on non-discrimination standards, racially motivated crime and the needs "
            "of Roma and Traveller women, and then teach it to their colleagues. Roma community members and mediators "
            "can take part in the sessions."
        ),
        "where_it_worked": "Courses organised by the Council of Europe and OSCE/ODIHR for police in several countries.",
        "how_to_start": (
            "Choose police trainers who will teach the course.\n"
            "Send them to a course for trainers.\n"
            "Plan courses for officers who work with Roma communities.\n"
            "Invite Roma women and mediators to speak in the sessions."
        ),
        "who_is_needed": "Police trainers, the police academy, and Roma community members and mediators.",
        "costs": "Trainers' time and course days for officers. The curriculum is free.",
        "evidence_note": "A curriculum written by experts. The results of the courses were not published as measured outcomes.",
    },
    "odihr-guidebook-police-roma-sinti": {
        "how_it_works": (
            "The guidebook suggests starting with an honest look at relations between police and Roma, then changing "
            "policies and procedures, recruiting Roma and Sinti officers, training, and building partnerships. It warns "
            "against both too much policing of Roma areas and too little protection when Roma people need help."
        ),
        "where_it_worked": "It gathers examples from many OSCE countries where police and Roma and Sinti worked together.",
        "how_to_start": (
            "Look at relations: talk with Roma residents, mediators and officers.\n"
            "Review the policies and procedures that affect Roma residents.\n"
            "Plan recruitment and training.\n"
            "Start one partnership project with a Roma association."
        ),
        "who_is_needed": "Police leaders, human resources, trainers and Roma associations.",
        "costs": "Staff time for the assessment and the plan. Recruitment and training have their own costs.",
        "evidence_note": "A collection of examples and advice. Most examples were described, not measured.",
    },
    "legal-clinics-roma-women": {
        "how_it_works": (
            "Mediators, lawyers and legal assistants hold information days in Roma neighbourhoods and open legal "
            "clinics where women can ask for advice. They help prepare complaints, also about police abuse and hate "
            "crime, and go with women to the authorities when needed."
        ),
        "where_it_worked": "The JUSTROM programme in Bulgaria, Greece, Ireland, Italy and Romania, for Roma and Traveller women.",
        "how_to_start": (
            "Find a lawyer and a mediator who know the community.\n"
            "Agree a place and regular hours for the clinic.\n"
            "Hold a first information day with local women's groups.\n"
            "Stay in contact with the police and the equality body so that complaints are followed up."
        ),
        "who_is_needed": "Lawyers, legal assistants, Roma mediators, women's groups and a place to meet.",
        "costs": "Pay for lawyers and mediators, and a room. The advice is free for the women.",
        "evidence_note": "Described in programme reports, with the number of women reached. The effects were not compared with other places.",
    },
    "romed-roma-mediators": {
        "how_it_works": (
            "Mediators explain how institutions work, help residents and officials understand each other, and raise "
            "problems before they become conflicts. The Council of Europe trained them in a common method based on "
            "human rights."
        ),
        "where_it_worked": (
            "More than 1,000 mediators were trained in over 20 countries through ROMED from 2011. They work with "
            "schools, health services, municipalities and the police."
        ),
        "how_to_start": (
            "Employ a mediator from the Roma community, or close to it.\n"
            "Give the mediator training and a clear role.\n"
            "Introduce the mediator to the police and other services.\n"
            "Meet regularly to solve problems together."
        ),
        "who_is_needed": "One or more mediators, a municipal service that employs them, and contacts in the police and other services.",
        "costs": "A mediator's salary and training.",
        "evidence_note": "Programme reports describe results in many towns. No comparison with towns without mediators was published.",
    },
}
