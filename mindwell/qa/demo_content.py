"""Demo content for the Mindwell question-and-answer community.

Plain data only: a set of members, and questions with their
answers, comments and votes (categories are seeded by a migration of the tags app).
All text is original and written for the demo.
"""

from __future__ import annotations

from typing import Any

MEMBERS: list[dict[str, Any]] = [
    {
        "username": "maya",
        "display_name": "Maya",
        "about": "I'm in my early thirties and have been in therapy on and off for a few years. I mostly read, but I answer when I've been through something similar.",
        "professional": False,
    },
    {
        "username": "dr_okafor",
        "display_name": "Dr. Ngozi Okafor",
        "about": "I'm a clinical psychologist working mainly with adults who struggle with anxiety and low mood. I share general information here; it can't replace an assessment with someone who knows your situation.",
        "professional": True,
    },
    {
        "username": "priya_couples",
        "display_name": "Priya Raman",
        "about": "I'm a couples and family therapist and have spent fifteen years in rooms with people in the middle of hard conversations. I still find it the most hopeful work I know.",
        "professional": True,
    },
    {
        "username": "hannah_grief",
        "display_name": "Hannah Lindqvist",
        "about": "I'm a bereavement counsellor at a hospice and run a monthly grief group. I'm glad to talk about loss of any kind, pets included.",
        "professional": True,
    },
    {
        "username": "theo_cbt",
        "display_name": "Theo Brandt",
        "about": "I'm a licensed counsellor who works mostly with CBT. I like practical questions and try to keep my answers short.",
        "professional": True,
    },
    {
        "username": "jonah_k",
        "display_name": "",
        "about": "I've been a peer support volunteer for about six years. Not a professional, just someone who has been through a fair bit and likes helping people feel less alone.",
        "professional": False,
    },
    {
        "username": "rosie",
        "display_name": "Rosie",
        "about": "Two rounds of therapy, one long depression and one very spoiled cat. I write long answers, sorry in advance.",
        "professional": False,
    },
    {
        "username": "lee",
        "display_name": "Lee",
        "about": "Software tester, dog person, recovering overthinker.",
        "professional": False,
    },
    {
        "username": "sam_r",
        "display_name": "",
        "about": "I joined after my dad died. Figuring things out one week at a time.",
        "professional": False,
    },
    {
        "username": "quietfern",
        "display_name": "",
        "about": "I'm shy in real life, so writing here is easier than talking.",
        "professional": False,
    },
    {
        "username": "ben_t",
        "display_name": "Ben",
        "about": "Dad of two, learning to talk about feelings a bit later in life than I'd like.",
        "professional": False,
    },
    {
        "username": "aiyana",
        "display_name": "Aiyana",
        "about": "Grad student. I ask a lot of questions here and try to give something back when I can.",
        "professional": False,
    },
    {
        "username": "marco77",
        "display_name": "",
        "about": "Chef, long shifts, trying to get a handle on burnout before it gets a handle on me.",
        "professional": False,
    },
    {
        "username": "elif",
        "display_name": "Elif",
        "about": "I'm a nurse, so I'm used to looking after everyone else. Learning to do the same for myself.",
        "professional": False,
    },
    {
        "username": "nightowl_22",
        "display_name": "",
        "about": "Bad sleeper, good listener.",
        "professional": False,
    },
    {
        "username": "greta",
        "display_name": "Greta",
        "about": "New here. Mostly reading and occasionally asking.",
        "professional": False,
    },
    {
        "username": "fen",
        "display_name": "",
        "about": "Just reading for now.",
        "professional": False,
    },
]

QUESTIONS: list[dict[str, Any]] = [
    # ------------------------------------------------------------------ Therapists
    {
        "title": "How do I find a therapist I can actually afford?",
        "body": (
            "I've finally decided I want to talk to someone, mostly about stress and a short temper I don't like in myself. The problem is money. Private sessions near me cost about the same as a weekly grocery shop, and I can't do that every week.\n\n"
            "The waiting list through my doctor is months long. Are there options in between that I'm missing? I don't need it to be perfect, I just want to start somewhere."
        ),
        "category": "finding-a-therapist",
        "tags": ["cost", "sliding-scale", "first-time"],
        "author": "ben_t",
        "guest_name": "",
        "anonymous": False,
        "days_ago": 41.0,
        "views": 612,
        "up": ["maya", "rosie", "jonah_k", "sam_r", "lee", "aiyana"],
        "down": [],
        "comments": [
            {
                "author": "lee",
                "anonymous": False,
                "body": "Same boat last year. Worth asking about student clinics if there's a university near you.",
                "hours_after": 3.0,
            },
        ],
        "answers": [
            {
                "author": "dr_okafor",
                "anonymous": False,
                "guest_name": "",
                "body": (
                    "There usually is something in between, though it can take a bit of digging. A few places worth checking:\n\n"
                    "- **Sliding-scale fees.** Many private therapists keep a few lower-cost places. It's completely fine to ask 'Do you offer reduced fees?' in your first email.\n"
                    "- **Training clinics.** University psychology and counselling programmes often run clinics where trainees see clients under close supervision. The care is usually thoughtful and the fee is low.\n"
                    "- **Charities and community services.** Local mental health charities, workplace Employee Assistance Programmes and some community centres offer short courses of counselling for free or a small donation.\n"
                    "- **Group programmes.** Often much cheaper, and for stress and anger they can work very well.\n\n"
                    "Stay on the waiting list while you try these. And for what it's worth: wanting to change how you react under stress is a very good reason to go. You don't need a bigger one."
                ),
                "hours_after": 6.5,
                "up": ["ben_t", "maya", "rosie", "jonah_k", "aiyana", "sam_r", "lee", "elif"],
                "down": [],
                "accepted": True,
                "comments": [
                    {
                        "author": "ben_t",
                        "anonymous": False,
                        "body": "Didn't know about the Employee Assistance thing. Turns out my work has one. Thank you.",
                        "hours_after": 9.0,
                    },
                ],
            },
            {
                "author": "jonah_k",
                "anonymous": False,
                "guest_name": "",
                "body": (
                    "Check whether your employer, or your partner's, has an EAP. Loads of people have one and never find out. Usually four to six free sessions, confidential, and your boss doesn't hear about it.\n\n"
                    "Also, fortnightly sessions are a real option. Not ideal forever, but better than waiting."
                ),
                "hours_after": 8.0,
                "up": ["ben_t", "rosie", "lee", "maya"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
            {
                "author": "rosie",
                "anonymous": False,
                "guest_name": "",
                "body": (
                    "I saw a trainee at a university clinic for a year and honestly she was one of the most careful listeners I've ever had. She talked everything through with her supervisor, which I found reassuring rather than weird, and I paid about a fifth of the private rate.\n\n"
                    "One thing to know: trainees often change over when the academic year ends, so ask about that at the start so it doesn't catch you off guard."
                ),
                "hours_after": 30.0,
                "up": ["ben_t", "aiyana", "quietfern"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
        ],
    },
    {
        "title": "What should I ask a therapist before booking the first session?",
        "body": (
            "I've got a shortlist of three therapists whose profiles look okay, and each of them offers a free 15-minute call. I have no idea what I'm supposed to ask. I'm worried I'll freeze and say 'um, so... do you do therapy?'\n\n"
            "What do you actually ask to work out whether someone is a good fit?"
        ),
        "category": "finding-a-therapist",
        "tags": ["first-time", "questions-to-ask"],
        "author": None,
        "guest_name": "",
        "anonymous": False,
        "days_ago": 12.0,
        "views": 233,
        "up": ["maya", "aiyana", "lee"],
        "down": [],
        "comments": [],
        "answers": [
            {
                "author": "theo_cbt",
                "anonymous": False,
                "guest_name": "",
                "body": (
                    "Therapists hear 'um, so...' all the time, don't worry. A short list that tends to be useful:\n\n"
                    "1. How do you usually work with someone who has [what brings you in]?\n"
                    "2. What does a typical session look like?\n"
                    "3. How often would we meet, and for roughly how long?\n"
                    "4. What are your fees and your cancellation policy?\n"
                    "5. How will we know if it's working?\n\n"
                    "The answers matter, but so does how you feel during the call. Did they listen? Did you feel rushed? That gut sense is worth paying attention to."
                ),
                "hours_after": 4.0,
                "up": ["maya", "aiyana", "rosie", "jonah_k", "lee", "quietfern"],
                "down": [],
                "accepted": False,
                "comments": [
                    {
                        "author": "maya",
                        "anonymous": False,
                        "body": "Number 5 is such a good one. I wish I'd asked it years ago.",
                        "hours_after": 10.0,
                    },
                ],
            },
            {
                "author": "aiyana",
                "anonymous": False,
                "guest_name": "",
                "body": "I wrote my questions on a sticky note and just read them out. I told the therapist I was nervous and she said that was useful to know. Broke the ice completely.",
                "hours_after": 20.0,
                "up": ["lee", "quietfern"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
        ],
    },
    {
        "title": "Does it matter if my therapist shares my cultural background?",
        "body": (
            "I'm Indigenous and grew up moving between two quite different worlds. Past counsellors have been kind, but I've spent a lot of sessions explaining basic things about my family and community before we could get to what I actually came for.\n\n"
            "Is it reasonable to look specifically for a therapist with a similar background? Or am I limiting myself? There are very few near me."
        ),
        "category": "finding-a-therapist",
        "tags": ["culture", "therapist-fit"],
        "author": "aiyana",
        "guest_name": "",
        "anonymous": False,
        "days_ago": 63.0,
        "views": 418,
        "up": ["rosie", "elif", "jonah_k", "dr_okafor", "maya"],
        "down": [],
        "comments": [
            {
                "author": "elif",
                "anonymous": False,
                "body": "Not limiting at all in my opinion. Spending half of every session translating yourself is exhausting.",
                "hours_after": 5.0,
            },
        ],
        "answers": [
            {
                "author": "dr_okafor",
                "anonymous": False,
                "guest_name": "",
                "body": (
                    "It's a very reasonable thing to want. The research is mixed on whether matching backgrounds changes outcomes by itself, but it's fairly consistent that *feeling understood* does, and for many people those two things are closely linked.\n\n"
                    "A few thoughts:\n\n"
                    "- Online therapy widens the pool a lot. Some directories let you filter by background or by experience with particular communities.\n"
                    "- If you can't find a match, ask a therapist directly how they approach cultural differences. A good answer sounds curious and humble rather than defensive. 'Tell me what I need to understand' is a decent sign; 'I treat everyone the same' is less so.\n"
                    "- It's fine to say 'I don't want to spend our time educating you. Could you do some reading on your side?'\n\n"
                    "You're not being difficult. You're trying to make therapy about you."
                ),
                "hours_after": 9.0,
                "up": ["aiyana", "rosie", "elif", "jonah_k", "maya", "quietfern", "lee"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
            {
                "author": "elif",
                "anonymous": False,
                "guest_name": "",
                "body": "Not the same situation, but I'm Turkish and live abroad, and I eventually found a therapist online who speaks my first language. I hadn't realised how much I was filtering everything until I didn't have to. Worth looking even if the options are far away.",
                "hours_after": 30.0,
                "up": ["aiyana", "rosie"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
        ],
    },
    {
        "title": "Is it normal to feel attached to my therapist?",
        "body": (
            "I've been seeing my therapist for about eight months. She's calm, she remembers everything, and she's honestly the first person who has listened to me without needing something back.\n\n"
            "Lately I think about her between sessions more than I'd like. I wonder what she does at weekends, and I felt a bit crushed when she said she'd be away for two weeks. It isn't romantic. It's more like... I want her approval.\n\n"
            "Is this weird? Should I tell her? I'm scared she'll think I'm strange and it'll make things awkward."
        ),
        "category": "therapy-relationship",
        "tags": ["transference", "attachment"],
        "author": "maya",
        "guest_name": "",
        "anonymous": False,
        "days_ago": 3.5,
        "views": 140,
        "up": ["rosie", "jonah_k", "quietfern", "lee", "sam_r", "aiyana"],
        "down": [],
        "comments": [
            {
                "author": "lee",
                "anonymous": False,
                "body": "Not weird at all. I think loads of people feel this and just never say it.",
                "hours_after": 2.0,
            },
        ],
        "answers": [
            {
                "author": "dr_okafor",
                "anonymous": False,
                "guest_name": "",
                "body": (
                    "What you're describing is very common, and it isn't strange. When someone gives you steady, careful attention, especially if that has been rare in your life, it makes sense to feel attached. Therapists sometimes call part of this *transference*: feelings from other important relationships finding their way into the therapy one.\n\n"
                    "Those feelings are often useful rather than a problem. They can show you what you've been missing, and what it's like when someone is reliably there.\n\n"
                    "On telling her, I'd gently encourage it. Most therapists are glad when a client brings this up, because it's real material to work with. You could start small:\n\n"
                    "> I've noticed I think about you quite a lot between sessions, and I felt thrown when you said you'd be away. It's embarrassing to say, but I think it matters.\n\n"
                    "A good therapist will receive that warmly and without awkwardness. If it were ever handled badly, that would be worth noticing too, but I'd expect the opposite."
                ),
                "hours_after": 5.0,
                "up": [
                    "maya",
                    "rosie",
                    "jonah_k",
                    "quietfern",
                    "lee",
                    "aiyana",
                    "sam_r",
                    "elif",
                    "ben_t",
                ],
                "down": [],
                "accepted": True,
                "comments": [
                    {
                        "author": "maya",
                        "anonymous": False,
                        "body": "Thank you. Reading that sentence out loud made me feel much less silly. I'm going to try it on Thursday.",
                        "hours_after": 8.0,
                    },
                ],
            },
            {
                "author": "quietfern",
                "anonymous": True,
                "guest_name": "",
                "body": (
                    "I went through this too. I told my therapist after about a year of not saying it, and she just nodded and said 'that makes a lot of sense'.\n\n"
                    "We spent a few sessions on it and it turned out to be one of the most useful things we talked about, because it connected to how I felt about my mum. The feeling softened once it wasn't a secret anymore."
                ),
                "hours_after": 11.0,
                "up": ["maya", "rosie", "lee"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
            {
                "author": "jonah_k",
                "anonymous": False,
                "guest_name": "",
                "body": "Small practical thing: breaks like the two weeks are often when this feels strongest. Some people write down what they'd want to tell their therapist while she's away, then bring the notes back. Keeps the thread going without needing contact.",
                "hours_after": 26.0,
                "up": ["maya", "aiyana"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
        ],
    },
    {
        "title": "My therapist seemed bored last session. Should I say something?",
        "body": (
            "It might be in my head. She yawned twice and looked at the clock more than usual, and I left feeling like I'd bored her with the same stuff about work again.\n\n"
            "I don't want to accuse her of anything, she's usually great. But it's bugging me, and I'm now rehearsing what to say next week so I won't be 'boring'. Which seems like the opposite of the point."
        ),
        "category": "therapy-relationship",
        "tags": ["therapist-fit", "communication"],
        "author": "lee",
        "guest_name": "",
        "anonymous": False,
        "days_ago": 22.0,
        "views": 205,
        "up": ["maya", "jonah_k", "rosie"],
        "down": [],
        "comments": [],
        "answers": [
            {
                "author": "theo_cbt",
                "anonymous": False,
                "guest_name": "",
                "body": (
                    "You noticed something important there: you're already planning to perform for her. That's worth bringing in, and you can do it without accusing her of anything.\n\n"
                    "Something like: 'Last week I got the sense you were tired, and I walked out worried I was boring you. I've been rehearsing this week, which I know isn't the point.' That lets her be honest (maybe she *was* tired, therapists are human) and gives you both something real to talk about.\n\n"
                    "If it happens regularly, that's a different conversation about fit. Once is usually just a rough day."
                ),
                "hours_after": 7.0,
                "up": ["lee", "maya", "jonah_k", "rosie", "aiyana"],
                "down": [],
                "accepted": False,
                "comments": [
                    {
                        "author": "lee",
                        "anonymous": False,
                        "body": "Brought it up. She apologised, said she'd slept badly, and then we talked for ages about why I'm so worried about being boring. Fair enough.",
                        "hours_after": 12.0,
                    },
                ],
            },
            {
                "author": "rosie",
                "anonymous": False,
                "guest_name": "",
                "body": "Honestly, repeating the same stuff about work is sometimes exactly what therapy is for. Things come up again because they aren't sorted yet. You're not boring, you're stuck, and those are different.",
                "hours_after": 15.0,
                "up": ["lee", "quietfern", "maya", "nightowl_22"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
        ],
    },
    {
        "title": "I looked my therapist up online and now I feel guilty. Is that normal?",
        "body": (
            "Late-night question. I searched my therapist's name and found an old blog and some photos from a running club. Now I feel like I've crossed a line.\n\n"
            "Should I tell him? Do other people do this?"
        ),
        "category": "therapy-relationship",
        "tags": ["boundaries", "therapist-fit"],
        "author": "nightowl_22",
        "guest_name": "",
        "anonymous": False,
        "days_ago": 0.8,
        "views": 21,
        "up": ["quietfern"],
        "down": [],
        "comments": [
            {
                "author": "jonah_k",
                "anonymous": False,
                "body": "Pretty common, for what it's worth. Curious what the therapists here think about mentioning it.",
                "hours_after": 3.0,
            },
        ],
        "answers": [],
    },
    {
        "title": "How do therapists usually handle ending therapy?",
        "body": (
            "My therapist mentioned last week that we might be 'moving towards an ending' in the next couple of months. She said it kindly, and I know I'm doing much better, but I felt a bit panicky.\n\n"
            "What does ending normally look like? Do you just have a last session and that's it? Can you go back if things get bad again?"
        ),
        "category": "ending-therapy",
        "tags": ["ending-therapy"],
        "author": "sam_r",
        "guest_name": "",
        "anonymous": False,
        "days_ago": 48.0,
        "views": 377,
        "up": ["maya", "rosie", "jonah_k", "elif"],
        "down": [],
        "comments": [
            {
                "author": "rosie",
                "anonymous": False,
                "body": "The panicky feeling is so normal. When mine brought it up I nearly cried in the car afterwards.",
                "hours_after": 4.0,
            },
        ],
        "answers": [
            {
                "author": "dr_okafor",
                "anonymous": False,
                "guest_name": "",
                "body": (
                    "It's good that she raised it early. A planned ending is usually a process rather than a single goodbye, and a couple of months gives you time to work on it together.\n\n"
                    "Things that commonly happen:\n\n"
                    "- **Spacing sessions out**, for example fortnightly and then monthly, so you can test things on your own with support still there.\n"
                    "- **Looking back** at what has changed and what helped, so you leave with a clear sense of what to keep doing.\n"
                    "- **Planning for setbacks**: early warning signs and what you'd do if they appeared.\n"
                    "- **Talking about the ending itself.** Feelings about it, including the panicky one, are welcome material.\n\n"
                    "And yes, in most settings you can come back. Ask her how that works in her practice; many therapists offer a check-in session some months later. Knowing the door isn't locked often makes the ending easier."
                ),
                "hours_after": 6.0,
                "up": ["sam_r", "maya", "rosie", "jonah_k", "elif", "lee", "aiyana"],
                "down": [],
                "accepted": True,
                "comments": [
                    {
                        "author": "sam_r",
                        "anonymous": False,
                        "body": "Spacing sessions out sounds much less scary. I'll ask her about a check-in later in the year.",
                        "hours_after": 9.0,
                    },
                ],
            },
            {
                "author": "priya_couples",
                "anonymous": False,
                "guest_name": "",
                "body": "One thing from the therapist's side: endings matter to us too. When someone leaves doing well, it's one of the best parts of the job. You're allowed to say goodbye properly, say thank you, and feel sad. Feeling sad doesn't mean you weren't ready.",
                "hours_after": 20.0,
                "up": ["sam_r", "maya", "rosie", "quietfern"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
            {
                "author": "maya",
                "anonymous": False,
                "guest_name": "",
                "body": "My last session was mostly us laughing about how scared I'd been in the first one. Lovely way to finish. I went back for three sessions a year later and it felt completely normal.",
                "hours_after": 52.0,
                "up": ["sam_r", "rosie"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
        ],
    },
    {
        "title": "I want to stop therapy but I'm scared of hurting my therapist's feelings",
        "body": (
            "I've been going for five months. It's not bad, but I don't feel it's going anywhere, and I'd like to try someone who works in a more structured way.\n\n"
            "The problem is she's really nice and I feel awful. I've thought about cancelling and just not rebooking. Is that terrible? What do people actually say?"
        ),
        "category": "ending-therapy",
        "tags": ["ending-therapy", "therapist-fit", "guilt"],
        "author": "greta",
        "guest_name": "",
        "anonymous": True,
        "days_ago": 16.0,
        "views": 190,
        "up": ["lee", "rosie", "aiyana"],
        "down": [],
        "comments": [
            {
                "author": "jonah_k",
                "anonymous": False,
                "body": "Not terrible, but you'd miss out on a proper goodbye. Worth one more session if you can face it.",
                "hours_after": 3.0,
            },
        ],
        "answers": [
            {
                "author": "theo_cbt",
                "anonymous": False,
                "guest_name": "",
                "body": (
                    "Therapists are trained to hear this, and most genuinely prefer it to a quiet disappearance. You might say:\n\n"
                    "> I've appreciated our work, but I don't feel I'm making the progress I hoped for. I think I'd like to try a more structured approach.\n\n"
                    "You can also ask her for a recommendation; she may know good people who work that way. The conversation can even be useful in itself: practice at saying what you need, kindly, to someone you like."
                ),
                "hours_after": 5.0,
                "up": ["greta", "rosie", "lee", "jonah_k", "aiyana", "maya"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
            {
                "author": "rosie",
                "anonymous": False,
                "guest_name": "",
                "body": "I did the disappearing thing once and regretted it. The next time I ended with someone I said it in the session and she thanked me. It felt grown-up in a way I wasn't used to.",
                "hours_after": 10.0,
                "up": ["greta", "maya"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
            {
                "author": "jonah_k",
                "anonymous": False,
                "guest_name": "",
                "body": "An email is fine too if saying it in the room feels like too much. Not ideal, but way better than silence.",
                "hours_after": 14.0,
                "up": ["greta"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
        ],
    },
    # --------------------------------------------------------------- Psychotherapy
    {
        "title": "What actually happens in a first therapy session?",
        "body": (
            "I have my first ever appointment on Monday. I've seen therapy on TV but I assume it isn't really a couch and a notepad.\n\n"
            "What will they ask? Do I have to tell them everything straight away? Mostly I'm anxious about sitting there in silence with no idea what to say."
        ),
        "category": "first-sessions",
        "tags": ["first-time", "first-session"],
        "author": None,
        "guest_name": "Nervous newbie",
        "anonymous": False,
        "days_ago": 9.0,
        "views": 320,
        "up": ["maya", "lee", "aiyana", "quietfern"],
        "down": [],
        "comments": [],
        "answers": [
            {
                "author": "theo_cbt",
                "anonymous": False,
                "guest_name": "",
                "body": (
                    "Well done for booking it. That's often the hardest part.\n\n"
                    "First sessions tend to be more structured than later ones. The therapist will usually:\n\n"
                    "- explain confidentiality and its limits\n"
                    "- ask what brings you in and what you'd like to be different\n"
                    "- ask some background questions about sleep, work, relationships, health and any past support\n"
                    "- tell you how they work and what happens next\n\n"
                    "You don't have to tell them everything. 'There's more, but I'm not ready to get into it yet' is a perfectly good sentence. And in a first session, managing the silences is the therapist's job, not yours."
                ),
                "hours_after": 3.0,
                "up": ["maya", "lee", "aiyana", "quietfern", "rosie", "jonah_k", "elif"],
                "down": [],
                "accepted": False,
                "comments": [
                    {
                        "author": "rosie",
                        "anonymous": False,
                        "body": "'Managing the silences is the therapist's job' is so reassuring. Wish someone had told me that.",
                        "hours_after": 6.0,
                    },
                ],
            },
            {
                "author": "rosie",
                "anonymous": False,
                "guest_name": "",
                "body": "Mine felt mostly like a friendly intake interview. Lots of questions, a couple of forms. I left feeling a bit flat because I'd expected some big breakthrough, but it was just setting things up. The second session was where it started to feel like therapy.",
                "hours_after": 8.0,
                "up": ["lee", "maya", "quietfern"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
            {
                "author": "lee",
                "anonymous": False,
                "guest_name": "",
                "body": "Bring water and tissues even if you don't think you'll need them. Also totally fine to jot a few notes on your phone beforehand about what you want to say.",
                "hours_after": 30.0,
                "up": ["aiyana"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
        ],
    },
    {
        "title": "I cried through most of my first session and now I feel embarrassed",
        "body": (
            "I'm a nurse. I'm used to being the calm one. I went to my first therapy appointment expecting to explain some work stress, and instead I cried for about forty minutes. I barely got a full sentence out.\n\n"
            "The therapist was kind about it, but now I don't want to go back because I feel so exposed. Does this happen to other people?"
        ),
        "category": "first-sessions",
        "tags": ["first-session", "crying", "shame"],
        "author": "elif",
        "guest_name": "",
        "anonymous": False,
        "days_ago": 27.0,
        "views": 251,
        "up": ["rosie", "maya", "jonah_k", "dr_okafor", "lee"],
        "down": [],
        "comments": [
            {
                "author": "maya",
                "anonymous": False,
                "body": "Happens a lot! I did exactly the same. You're in good company.",
                "hours_after": 1.5,
            },
        ],
        "answers": [
            {
                "author": "dr_okafor",
                "anonymous": False,
                "guest_name": "",
                "body": (
                    "It happens far more often than you might think, especially for people whose work means holding things together for everyone else. The first session is often the first place where you don't have to be the calm one, and the body takes its chance.\n\n"
                    "From the therapist's chair, tears in a first session aren't a problem. They tell us something important: that there's a lot there, and that it matters. Your therapist is very unlikely to think less of you.\n\n"
                    "If embarrassment is the main thing stopping you going back, you could open the next session with exactly that: 'I felt really exposed after last time.' It's a very good place to start, and it moves the focus from the crying to what it was like for you."
                ),
                "hours_after": 4.0,
                "up": ["elif", "rosie", "maya", "jonah_k", "lee", "quietfern"],
                "down": [],
                "accepted": True,
                "comments": [
                    {
                        "author": "elif",
                        "anonymous": False,
                        "body": "I went back and said exactly that. It was fine. Better than fine, actually.",
                        "hours_after": 10.0,
                    },
                ],
            },
            {
                "author": "maya",
                "anonymous": False,
                "guest_name": "",
                "body": "I cried so much in my first session that the therapist quietly moved the tissue box onto the arm of my chair. We laugh about it now. You haven't done anything wrong.",
                "hours_after": 6.0,
                "up": ["elif", "rosie"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
            {
                "author": "jonah_k",
                "anonymous": False,
                "guest_name": "",
                "body": "Crying in a first session usually means some part of you felt safe enough to let go. That's a pretty good sign about the therapist, honestly.",
                "hours_after": 9.0,
                "up": ["elif", "maya", "rosie"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
        ],
    },
    {
        "title": "CBT or psychodynamic therapy: how do people choose?",
        "body": (
            "Reading about types of therapy and I'm confused. CBT sounds practical, psychodynamic sounds deeper, and everyone online says their type is the best.\n\n"
            "I've had low mood on and off for years, plus some things from childhood I've never talked about. Does the type matter that much, or is it more about the therapist?"
        ),
        "category": "therapy-approaches",
        "tags": ["cbt", "psychodynamic", "therapy-types"],
        "author": "marco77",
        "guest_name": "",
        "anonymous": False,
        "days_ago": 55.0,
        "views": 530,
        "up": ["aiyana", "lee", "quietfern", "rosie", "ben_t"],
        "down": [],
        "comments": [],
        "answers": [
            {
                "author": "dr_okafor",
                "anonymous": False,
                "guest_name": "",
                "body": (
                    "Both are well-researched, and for many common difficulties they do comparably well. Broadly:\n\n"
                    "- **CBT** focuses on the present: how thoughts, feelings and behaviour feed each other, with practical tools and often homework. It tends to be time-limited and structured.\n"
                    "- **Psychodynamic therapy** looks more at patterns that have built up over a lifetime, including early relationships, and often uses the relationship with the therapist to understand them. It's usually less structured and can run longer.\n\n"
                    "Across approaches, the quality of the relationship with the therapist is one of the most consistent predictors of how things go, so fit matters a lot. Many therapists also blend methods.\n\n"
                    "Since you mention both long-standing low mood and childhood experiences you haven't spoken about, it could be worth asking potential therapists how they'd approach both. Some people start with structured work to steady their mood, then explore deeper material later."
                ),
                "hours_after": 8.0,
                "up": ["marco77", "aiyana", "lee", "rosie", "jonah_k", "theo_cbt", "quietfern"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
            {
                "author": "theo_cbt",
                "anonymous": False,
                "guest_name": "",
                "body": (
                    "Speaking as someone who mostly does CBT: I agree with the above, and I'd add that modern CBT isn't only about 'fixing thoughts'. It can make room for childhood experiences too; it just tends to connect them back to what's keeping things stuck now.\n\n"
                    "A practical test: which description makes you feel more hopeful when you read it? That reaction counts for something. And if one approach doesn't suit you, trying the other isn't failing."
                ),
                "hours_after": 10.0,
                "up": ["marco77", "aiyana", "lee", "dr_okafor", "rosie"],
                "down": [],
                "accepted": True,
                "comments": [
                    {
                        "author": "marco77",
                        "anonymous": False,
                        "body": "Which one makes me hopeful. Good question. Psychodynamic, I think. Going to look for someone.",
                        "hours_after": 14.0,
                    },
                ],
            },
            {
                "author": "jonah_k",
                "anonymous": False,
                "guest_name": "",
                "body": "I've had both. CBT got me functioning again after a bad year. Psychodynamic later helped me understand why the bad year happened. Wouldn't swap either.",
                "hours_after": 30.0,
                "up": ["marco77", "quietfern", "maya", "rosie"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
        ],
    },
    {
        "title": "Has anyone tried EMDR? What was it actually like?",
        "body": (
            "My therapist has suggested EMDR for a car accident I was in two years ago. I still get jumpy at junctions, and sometimes I get flashes of it when I'm trying to fall asleep.\n\n"
            "I've read the basics, but it sounds a bit strange. Following someone's fingers with your eyes? I'd love to hear from people who've actually done it."
        ),
        "category": "therapy-approaches",
        "tags": ["emdr", "trauma", "therapy-types"],
        "author": "quietfern",
        "guest_name": "",
        "anonymous": False,
        "days_ago": 70.0,
        "views": 462,
        "up": ["rosie", "aiyana", "lee", "nightowl_22"],
        "down": [],
        "comments": [
            {
                "author": "nightowl_22",
                "anonymous": False,
                "body": "Following this. I've been offered it too.",
                "hours_after": 12.0,
            },
        ],
        "answers": [
            {
                "author": "rosie",
                "anonymous": False,
                "guest_name": "",
                "body": (
                    "I did about ten sessions for something unrelated to a car crash. It does feel odd at first. For me it was tapping on my knees rather than following a finger; you can often choose.\n\n"
                    "The first couple of sessions were just preparation: learning ways to calm down, picturing a 'safe place'. The processing sessions could be tiring, so I'd plan a quiet evening afterwards. But the memory did change. It's still there, it just stopped feeling like it was happening right now.\n\n"
                    "Not magic, and not for everyone, but it helped me more than I expected."
                ),
                "hours_after": 14.0,
                "up": ["quietfern", "aiyana", "lee", "nightowl_22", "maya"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
            {
                "author": "dr_okafor",
                "anonymous": False,
                "guest_name": "",
                "body": (
                    "EMDR is one of the approaches recommended in several clinical guidelines for post-traumatic stress, so it's a reasonable suggestion for what you describe. The eye movements (or taps, or tones) are one part of a structured process: you hold a memory in mind briefly while they happen, with plenty of preparation beforehand and time to settle afterwards.\n\n"
                    "Good questions for your therapist: how much EMDR training they've had, what the preparation phase will involve, and what you can do if a session stirs things up. It's also fine to say you'd like to go slowly. Your sense of control over the process matters."
                ),
                "hours_after": 20.0,
                "up": ["quietfern", "rosie", "lee", "aiyana", "theo_cbt"],
                "down": [],
                "accepted": False,
                "comments": [
                    {
                        "author": "quietfern",
                        "anonymous": False,
                        "body": "Asked about her training and she's fully trained and has regular supervision. Feeling calmer about it now.",
                        "hours_after": 26.0,
                    },
                ],
            },
            {
                "author": "aiyana",
                "anonymous": False,
                "guest_name": "",
                "body": "I was sceptical too. For a while it felt like nothing was happening, and then something shifted. Hard to describe. Good luck with it.",
                "hours_after": 60.0,
                "up": ["quietfern"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
        ],
    },
    {
        "title": "Are CBT self-help workbooks worth doing on your own?",
        "body": "I'm on a waiting list and someone lent me a CBT workbook. Part of me thinks it's a bit pointless without a therapist. Has anyone actually got something out of doing it solo?",
        "category": "therapy-approaches",
        "tags": ["cbt", "self-help"],
        "author": "ben_t",
        "guest_name": "",
        "anonymous": False,
        "days_ago": 34.0,
        "views": 288,
        "up": ["lee", "aiyana"],
        "down": ["marco77"],
        "comments": [],
        "answers": [
            {
                "author": "theo_cbt",
                "anonymous": False,
                "guest_name": "",
                "body": (
                    "Yes. Self-help based on CBT has decent evidence for mild to moderate anxiety and low mood, which is why many services offer it as a first step. Having someone check in helps, but people do benefit on their own too.\n\n"
                    "To get more out of it:\n\n"
                    "- Do the exercises on paper, not just in your head.\n"
                    "- Pick a fixed time each week and treat it like an appointment.\n"
                    "- Go slowly. One chapter done properly beats five skimmed.\n"
                    "- Take what you've done to your first real session. It gives you a head start.\n\n"
                    "If it makes you feel worse, or brings up things that feel too big, stop and wait for support. That isn't failing; it's useful information."
                ),
                "hours_after": 6.0,
                "up": ["ben_t", "lee", "aiyana", "jonah_k", "maya", "dr_okafor"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
            {
                "author": "sam_r",
                "anonymous": False,
                "guest_name": "",
                "body": "Did one last winter. Thought records were a pain, but the bit about scheduling small enjoyable things actually helped. Worth a go.",
                "hours_after": 48.0,
                "up": ["ben_t"],
                "down": [],
                "accepted": False,
                "comments": [
                    {
                        "author": "ben_t",
                        "anonymous": False,
                        "body": "Thanks. Started chapter one last night.",
                        "hours_after": 60.0,
                    },
                ],
            },
            {
                "author": None,
                "anonymous": False,
                "guest_name": "",
                "body": "I worked through one while I waited about four months for therapy. The exercises felt clunky at first, but after a few weeks I started catching my thoughts as they happened instead of hours later. My therapist said it made our sessions go faster.",
                "hours_after": 70.0,
                "up": ["ben_t"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
        ],
    },
    {
        "title": "Is couples therapy only for relationships that are falling apart?",
        "body": (
            "My partner and I are honestly fine. We love each other, no big dramas. But we've been together seven years, we're talking about having kids, and I keep wondering whether a few sessions beforehand would be sensible.\n\n"
            "My partner's reaction was 'why, what's wrong?', which is fair. Do people go when nothing is wrong?"
        ),
        "category": "couples-therapy",
        "tags": ["couples-therapy", "communication"],
        "author": "rosie",
        "guest_name": "",
        "anonymous": False,
        "days_ago": 88.0,
        "views": 402,
        "up": ["maya", "priya_couples", "ben_t", "lee", "jonah_k"],
        "down": [],
        "comments": [
            {
                "author": "ben_t",
                "anonymous": False,
                "body": "Wish we'd done this before our first. Would have saved a few rows.",
                "hours_after": 5.0,
            },
        ],
        "answers": [
            {
                "author": "priya_couples",
                "anonymous": False,
                "guest_name": "",
                "body": (
                    "They do, and some of my favourite work is with couples who come in before things get hard. Big transitions like having children, moving or changing jobs put pressure on any relationship, and it helps to have talked about expectations while you're both calm.\n\n"
                    "Topics that often come up: how you each picture dividing the work, what you learned about parenting from your own families, how you handle disagreements when you're tired, and what each of you needs to feel close.\n\n"
                    "For your partner, it might help to frame it as a check-up rather than a repair. 'Nothing's wrong, I just want us to go into this prepared' is very different from 'we need help'. Some couples start with a structured course or workshop, which can feel less loaded than therapy."
                ),
                "hours_after": 7.0,
                "up": ["rosie", "maya", "ben_t", "lee", "jonah_k", "aiyana", "dr_okafor", "elif"],
                "down": [],
                "accepted": True,
                "comments": [
                    {
                        "author": "rosie",
                        "anonymous": False,
                        "body": "The check-up idea worked. We've booked a workshop for next month.",
                        "hours_after": 30.0,
                    },
                ],
            },
            {
                "author": "maya",
                "anonymous": False,
                "guest_name": "",
                "body": "A friend did a few sessions before her wedding. She said the best part was finding out what they'd each assumed without ever saying it, like who would stay home when a kid is ill.",
                "hours_after": 26.0,
                "up": ["rosie", "priya_couples"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
        ],
    },
    {
        "title": "My partner refuses to try couples therapy. Is there any point going alone?",
        "body": (
            "We've been arguing a lot for about a year. I've asked him three times to try couples counselling. He says therapy is for 'people with real problems' and that we just need to argue less.\n\n"
            "I'm tired. Can I go on my own, or is that pointless when the problem is between two people?"
        ),
        "category": "couples-therapy",
        "tags": ["couples-therapy", "communication"],
        "author": None,
        "guest_name": "",
        "anonymous": False,
        "days_ago": 19.0,
        "views": 266,
        "up": ["rosie", "lee", "elif"],
        "down": [],
        "comments": [],
        "answers": [
            {
                "author": "priya_couples",
                "anonymous": False,
                "guest_name": "",
                "body": (
                    "Going alone is far from pointless. A relationship works a bit like a system: when one person changes how they respond, the pattern between you shifts too, sometimes a lot. Individual therapy can help you understand your part in the arguments, say what you need more clearly, and get clearer about what you want.\n\n"
                    "It also gives *you* support, which matters when you're this tired.\n\n"
                    "Worth knowing: some couples therapists will see one partner alone, but many prefer to refer you to an individual therapist so they can stay neutral if your partner joins later. And sometimes a reluctant partner becomes more open once he sees therapy isn't about blaming him. Not always, but it happens."
                ),
                "hours_after": 5.0,
                "up": ["rosie", "lee", "elif", "jonah_k", "maya", "dr_okafor"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
            {
                "author": "jonah_k",
                "anonymous": False,
                "guest_name": "",
                "body": "Might be worth gently asking him what 'real problems' means to him. Sometimes that phrase is covering a fear of being judged more than anything.",
                "hours_after": 9.0,
                "up": ["rosie", "elif"],
                "down": [],
                "accepted": False,
                "comments": [
                    {
                        "author": "greta",
                        "anonymous": False,
                        "body": "This. My husband said the same thing, and it turned out he was scared of being ganged up on.",
                        "hours_after": 12.0,
                    },
                ],
            },
        ],
    },
    # --------------------------------------------------------------- Relationships
    {
        "title": "We keep having the same argument about chores, almost word for word",
        "body": (
            "Every couple of weeks my partner and I have basically the same fight. It starts with the bins or the dishwasher and ends with me saying 'I do everything' and her saying 'you never notice what I do'. We both go quiet and sulk, then it's fine, then it happens again.\n\n"
            "We're not going to break up over this. But how do you get out of a loop like that?"
        ),
        "category": "partners-and-dating",
        "tags": ["arguments", "communication", "partners"],
        "author": "lee",
        "guest_name": "",
        "anonymous": False,
        "days_ago": 13.0,
        "views": 298,
        "up": ["maya", "priya_couples", "ben_t", "rosie", "aiyana", "jonah_k"],
        "down": [],
        "comments": [
            {
                "author": "ben_t",
                "anonymous": False,
                "body": "Oh, I know this fight intimately.",
                "hours_after": 1.0,
            },
        ],
        "answers": [
            {
                "author": "priya_couples",
                "anonymous": False,
                "guest_name": "",
                "body": (
                    "The fact that you can predict it word for word is actually helpful. It means the argument isn't really about the bins. It's a pattern, and patterns can be named.\n\n"
                    "Look at what each of you is saying underneath: you want your effort to be seen, and so does she. That's the same need from two sides.\n\n"
                    "Things that help couples in this kind of loop:\n\n"
                    "1. **Talk about it when you're not fighting.** Pick a calm evening and describe the pattern together, as if you were both watching it from outside.\n"
                    "2. **Give the pattern a name**, even a silly one. 'Are we doing the bins thing?' can stop it halfway.\n"
                    "3. **Make invisible work visible.** List everything each of you does, including the mental load like remembering birthdays and booking appointments. It's often an eye-opener for both people.\n"
                    "4. **Appreciate on purpose.** Small, specific thank-yous for ordinary tasks sound cheesy, but they change the climate.\n\n"
                    "If you try this for a while and still get stuck, a few couples sessions can help a lot with exactly this kind of loop."
                ),
                "hours_after": 4.0,
                "up": ["lee", "maya", "ben_t", "rosie", "aiyana", "jonah_k", "elif", "sam_r"],
                "down": [],
                "accepted": True,
                "comments": [
                    {
                        "author": "lee",
                        "anonymous": False,
                        "body": "'The same need from two sides' is annoyingly accurate.",
                        "hours_after": 8.0,
                    },
                ],
            },
            {
                "author": "jonah_k",
                "anonymous": False,
                "guest_name": "",
                "body": "The list really works. We did it and I realised I'd assumed bills and dentist appointments just happened by magic. They did not.",
                "hours_after": 6.0,
                "up": ["lee", "priya_couples", "maya"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
            {
                "author": "ben_t",
                "anonymous": False,
                "guest_name": "",
                "body": "We have a rule: no chore complaints after 9pm. Tired brains make everything sound like an accusation.",
                "hours_after": 20.0,
                "up": ["lee", "rosie"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
        ],
    },
    {
        "title": "How do I stop feeling jealous when my partner texts her friends?",
        "body": (
            "My girlfriend has a big group of friends and she's on her phone with them a lot. She has never given me any reason not to trust her. But when she laughs at a message, I get this hot, sick feeling and want to ask who it is.\n\n"
            "I hate feeling like this. I don't want to be the controlling partner. Where does it come from, and what can I do with it?"
        ),
        "category": "partners-and-dating",
        "tags": ["jealousy", "insecurity", "partners"],
        "author": "aiyana",
        "guest_name": "",
        "anonymous": True,
        "days_ago": 31.0,
        "views": 355,
        "up": ["rosie", "lee", "maya", "quietfern", "jonah_k"],
        "down": [],
        "comments": [],
        "answers": [
            {
                "author": "priya_couples",
                "anonymous": False,
                "guest_name": "",
                "body": (
                    "It says a lot that you're asking how to handle this rather than how to keep tabs on her. That's the part that makes the difference.\n\n"
                    "Jealousy is usually less about the other person's behaviour and more about a fear of being left out or replaced. It often has roots in earlier experiences: being excluded, a past partner who did cheat, a family where love felt conditional. It's worth being gently curious about when you've felt this before.\n\n"
                    "In the moment, it can help to:\n\n"
                    "- name it to yourself: 'this is the jealous feeling, and it will pass'\n"
                    "- hold off on checking or questioning, which brings short relief but feeds the fear\n"
                    "- do something that reconnects you with your own life\n\n"
                    "And at a calm moment, you could share it without making it her job to fix: 'Sometimes I get insecure when you're on your phone. It's my stuff, but I wanted you to know.' Most partners respond well to that kind of honesty."
                ),
                "hours_after": 9.0,
                "up": ["aiyana", "rosie", "lee", "maya", "quietfern", "jonah_k", "dr_okafor"],
                "down": [],
                "accepted": False,
                "comments": [
                    {
                        "author": "aiyana",
                        "anonymous": True,
                        "body": "I said almost exactly that last night. She was lovely about it and told me she gets insecure sometimes too.",
                        "hours_after": 30.0,
                    },
                ],
            },
            {
                "author": "rosie",
                "anonymous": False,
                "guest_name": "",
                "body": "I used to be like this. What helped was building more of my own life: hobbies, and friends I texted and laughed with too. When my world got bigger, his phone got less interesting. Also therapy, to be fair.",
                "hours_after": 12.0,
                "up": ["aiyana", "lee"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
            {
                "author": "dr_okafor",
                "anonymous": False,
                "guest_name": "",
                "body": "One small addition: if the feeling comes with a strong urge to check or ask for reassurance many times a day, or it's taking up a lot of your headspace, it's worth talking to a therapist. That pattern tends to respond well to structured help, and you don't need to wait for it to become a big problem.",
                "hours_after": 40.0,
                "up": ["aiyana", "priya_couples"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
        ],
    },
    {
        "title": "How do I set boundaries with a parent who drops by unannounced?",
        "body": (
            "Since my dad died, my mum has started coming over without calling first. Sometimes twice a week. I understand she's lonely and I love her, but I work from home and I need some space.\n\n"
            "Every time I think about saying something, I feel like the worst son in the world. How do you set a boundary with a grieving parent without hurting them?"
        ),
        "category": "family",
        "tags": ["boundaries", "parents", "family"],
        "author": "sam_r",
        "guest_name": "",
        "anonymous": False,
        "days_ago": 58.0,
        "views": 481,
        "up": ["maya", "priya_couples", "hannah_grief", "rosie", "jonah_k", "lee", "ben_t"],
        "down": [],
        "comments": [
            {
                "author": "hannah_grief",
                "anonymous": False,
                "body": "It's very common for grief to reshape family routines like this. You're allowed to want both closeness and space.",
                "hours_after": 6.0,
            },
        ],
        "answers": [
            {
                "author": "priya_couples",
                "anonymous": False,
                "guest_name": "",
                "body": (
                    "This is a tender one, because the boundary isn't against her; it's for both of you. Without one, resentment tends to creep in, and that's harder on the relationship than a kind conversation.\n\n"
                    "A few ideas:\n\n"
                    "- **Offer something before you take something away.** 'Mum, I love seeing you. Can Sunday lunch be our thing? During the week I need to work without interruptions.' A reliable point of contact often matters more to a lonely person than frequency.\n"
                    "- **Keep it short and warm.** Long explanations invite negotiation.\n"
                    "- **Expect a wobble.** She may be hurt at first. That doesn't mean you did it wrong. Hold steady and keep turning up at the agreed times.\n"
                    "- **Think about her wider support.** Is there a bereavement group, a friend, a class? You don't have to be her whole world, and it isn't kind to either of you if you are.\n\n"
                    "You're not a bad son for needing a working day."
                ),
                "hours_after": 8.0,
                "up": [
                    "sam_r",
                    "maya",
                    "rosie",
                    "jonah_k",
                    "lee",
                    "ben_t",
                    "hannah_grief",
                    "aiyana",
                    "elif",
                ],
                "down": [],
                "accepted": True,
                "comments": [
                    {
                        "author": "sam_r",
                        "anonymous": False,
                        "body": "Sunday lunch it is. She actually seemed relieved to have something fixed in the diary.",
                        "hours_after": 30.0,
                    },
                ],
            },
            {
                "author": "jonah_k",
                "anonymous": False,
                "guest_name": "",
                "body": "A small one to start with: 'Could you text before you come over?' is a much smaller ask than 'please don't come over', and easier for both of you.",
                "hours_after": 12.0,
                "up": ["sam_r", "lee", "maya"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
            {
                "author": "lee",
                "anonymous": False,
                "guest_name": "",
                "body": "My parents did this when I first moved out. A polite 'I'm on a call, can we do coffee at five?' every time sorted it out pretty fast. Not quite the same with grief in the mix though, so go gently.",
                "hours_after": 50.0,
                "up": ["sam_r"],
                "down": ["marco77"],
                "accepted": False,
                "comments": [],
            },
        ],
    },
    {
        "title": "My mum comments on my weight every time I visit",
        "body": (
            "Every visit, within ten minutes, there's a comment. 'Are you eating properly?' or 'you've filled out'. I'm 34. I've told her it upsets me and she says she's just worried, or that I'm too sensitive.\n\n"
            "I've started dreading going home. I don't want to stop seeing her, but I don't know how to make it stop."
        ),
        "category": "family",
        "tags": ["boundaries", "parents", "body-image"],
        "author": None,
        "guest_name": "tired daughter",
        "anonymous": False,
        "days_ago": 7.0,
        "views": 188,
        "up": ["maya", "rosie", "elif"],
        "down": [],
        "comments": [
            {
                "author": "rosie",
                "anonymous": False,
                "body": "I'm sorry. Being told you're 'too sensitive' is such a frustrating thing to hear.",
                "hours_after": 3.0,
            },
        ],
        "answers": [
            {
                "author": "dr_okafor",
                "anonymous": False,
                "guest_name": "",
                "body": (
                    "You've already done the hard part by telling her directly. 'I'm just worried' and 'you're too sensitive' are very common ways people deflect; they don't mean you were wrong to say it.\n\n"
                    "It may help to move from explaining to a simple, repeated boundary with a consequence that's in your hands:\n\n"
                    "> I'm not going to discuss my body. If it comes up, I'll change the subject, and if it keeps going, I'll head off early.\n\n"
                    "Then follow through calmly, every time, without debating it. Consistency does more than persuasion here.\n\n"
                    "Planning the visits can help too: shorter stays, a walk rather than a long meal, a partner or friend who knows the plan. And look after yourself afterwards. Comments like these can linger, especially if you've heard them since childhood, and if they're affecting how you eat or feel about your body, that's worth talking through with a professional."
                ),
                "hours_after": 6.0,
                "up": ["maya", "rosie", "elif", "jonah_k", "lee", "priya_couples"],
                "down": [],
                "accepted": False,
                "comments": [
                    {
                        "author": "elif",
                        "anonymous": False,
                        "body": "Following through calmly every single time is the hard part, but it's so true.",
                        "hours_after": 20.0,
                    },
                ],
            },
            {
                "author": "rosie",
                "anonymous": False,
                "guest_name": "",
                "body": "My go-to was a bored 'mm, anyway, how's the garden?' every single time. Took months, but she mostly stopped. Not fixed, but better.",
                "hours_after": 9.0,
                "up": ["maya", "elif", "lee"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
            {
                "author": "maya",
                "anonymous": False,
                "guest_name": "",
                "body": "Seconding shorter visits. I used to stay the whole weekend out of duty and came back drained. Now it's one night and I actually enjoy her company more.",
                "hours_after": 40.0,
                "up": ["elif"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
        ],
    },
    {
        "title": "My brother keeps borrowing money and never pays it back",
        "body": (
            "He's 29, he works, but he's always short at the end of the month. I've lent him around 600 this year. When I hint about it he gets defensive.\n\n"
            "I want to say no next time but I already feel guilty. How do you say no to family?"
        ),
        "category": "family",
        "tags": ["boundaries", "money", "siblings"],
        "author": "fen",
        "guest_name": "",
        "anonymous": False,
        "days_ago": 1.2,
        "views": 34,
        "up": ["lee"],
        "down": [],
        "comments": [],
        "answers": [],
    },
    {
        "title": "How do I handle a friend who drains me?",
        "body": (
            "I have a friend I've known since school. Every conversation is about her problems, mostly the same ones, and if I mention something going on with me she steers it back to her within a minute.\n\n"
            "After seeing her I'm exhausted for the rest of the day. I don't want to drop her; there's a lot of history. But I can't keep doing this."
        ),
        "category": "friendships",
        "tags": ["friendship", "boundaries"],
        "author": "greta",
        "guest_name": "",
        "anonymous": False,
        "days_ago": 24.0,
        "views": 341,
        "up": ["rosie", "lee", "maya", "jonah_k", "elif", "aiyana"],
        "down": [],
        "comments": [
            {
                "author": "elif",
                "anonymous": False,
                "body": "This is so familiar. Following.",
                "hours_after": 4.0,
            },
        ],
        "answers": [
            {
                "author": "jonah_k",
                "anonymous": False,
                "guest_name": "",
                "body": (
                    "A lot of long friendships drift into this shape without anyone meaning them to. Some options that don't involve ending it:\n\n"
                    "- **Change the format.** A walk or a film gives the time some structure. Two hours across a café table is where the draining happens.\n"
                    "- **Shorter, with an end time.** 'I've got an hour before I need to go' is honest and protects you.\n"
                    "- **Say something small and direct.** 'Can I tell you about my week too? There's been a lot going on.' Some people genuinely haven't noticed, and respond well.\n"
                    "- **Plan your recovery.** If you need a day to get over it, put a quiet evening after, not a pile of chores.\n\n"
                    "If you try the direct approach and nothing changes, it's fair to see her less often. That's a boundary, not a betrayal."
                ),
                "hours_after": 5.0,
                "up": ["greta", "rosie", "lee", "maya", "elif", "aiyana", "ben_t", "theo_cbt"],
                "down": [],
                "accepted": True,
                "comments": [
                    {
                        "author": "greta",
                        "anonymous": False,
                        "body": "Tried the walk idea last weekend. Much better. She even asked about my job.",
                        "hours_after": 20.0,
                    },
                ],
            },
            {
                "author": "rosie",
                "anonymous": False,
                "guest_name": "",
                "body": "Sometimes friends like this are going through something genuinely hard and don't have anyone else. If that's the case, it might be worth gently suggesting she talks to a professional too. You can care about someone without being their only support.",
                "hours_after": 8.0,
                "up": ["greta", "maya", "jonah_k"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
            {
                "author": "theo_cbt",
                "anonymous": False,
                "guest_name": "",
                "body": "Notice what you tell yourself before you meet up. If it's something like 'a good friend always listens', you might try adding '...and a good friend also gets listened to'.",
                "hours_after": 16.0,
                "up": ["greta", "elif"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
        ],
    },
    {
        "title": "All my friends moved away after university and I feel left behind",
        "body": (
            "It's been two years since graduating. Most of my friends moved to bigger cities for jobs, and I stayed for family reasons. The group chat is still busy, but I'm not in any of the photos anymore.\n\n"
            "How do people make friends as adults? It feels so much harder than uni, where you just lived next to everyone."
        ),
        "category": "friendships",
        "tags": ["friendship", "loneliness"],
        "author": "nightowl_22",
        "guest_name": "",
        "anonymous": False,
        "days_ago": 45.0,
        "views": 210,
        "up": ["lee", "maya", "aiyana"],
        "down": [],
        "comments": [],
        "answers": [
            {
                "author": "lee",
                "anonymous": False,
                "guest_name": "",
                "body": "It is harder, you're not imagining it. What worked for me was doing the same thing at the same time every week. Climbing gym on Tuesdays. After a couple of months you're one of the regulars and conversations just happen.",
                "hours_after": 10.0,
                "up": ["nightowl_22", "maya", "aiyana", "rosie"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
            {
                "author": "maya",
                "anonymous": False,
                "guest_name": "",
                "body": "Also, the group chat friends are still friends. I started doing one-to-one video calls with two of mine instead of just reacting in the chat, and I felt much less left out.",
                "hours_after": 22.0,
                "up": ["nightowl_22", "lee"],
                "down": [],
                "accepted": False,
                "comments": [
                    {
                        "author": "nightowl_22",
                        "anonymous": False,
                        "body": "Signed up for a pottery class. Terrified. Thanks, both of you.",
                        "hours_after": 40.0,
                    },
                ],
            },
        ],
    },
    {
        "title": "How long does it take to stop thinking about an ex every day?",
        "body": (
            "Four months since we broke up. It was mutual, sort of. I'm working, seeing friends, doing all the things you're supposed to do. But she's still the first thing I think about every morning.\n\n"
            "Is there a normal timeline for this? I feel like I should be over it by now."
        ),
        "category": "breakups",
        "tags": ["breakup", "heartbreak"],
        "author": "marco77",
        "guest_name": "",
        "anonymous": False,
        "days_ago": 39.0,
        "views": 505,
        "up": ["rosie", "jonah_k", "lee", "ben_t", "aiyana", "quietfern"],
        "down": [],
        "comments": [
            {
                "author": "lee",
                "anonymous": False,
                "body": "Four months is not long at all, for what it's worth.",
                "hours_after": 6.0,
            },
        ],
        "answers": [
            {
                "author": "rosie",
                "anonymous": False,
                "guest_name": "",
                "body": (
                    "There isn't really a timeline, and 'I should be over it by now' is carrying a lot of weight in your post. Four months is early for a relationship that mattered.\n\n"
                    "With my own breakup it didn't stop suddenly. It thinned out. First thought in the morning, then second thought, then one day I realised at lunchtime I hadn't thought about him yet. That took most of a year. Then I heard our song in a shop and just... liked the song.\n\n"
                    "What helped: muting rather than checking his socials, letting myself be sad on purpose for a while (a walk, a playlist) instead of fighting it all day, and telling one friend honestly how I was instead of saying 'fine'.\n\n"
                    "You're doing the right things. It's just slower than it feels like it should be."
                ),
                "hours_after": 7.0,
                "up": ["marco77", "jonah_k", "lee", "ben_t", "aiyana", "quietfern", "maya", "elif"],
                "down": [],
                "accepted": True,
                "comments": [
                    {
                        "author": "marco77",
                        "anonymous": False,
                        "body": "'Thinned out' is exactly what I needed to hear. Thank you.",
                        "hours_after": 15.0,
                    },
                ],
            },
            {
                "author": "jonah_k",
                "anonymous": False,
                "guest_name": "",
                "body": "The morning one is usually the last to go. Your brain is on autopilot before coffee. Doesn't mean you're not healing.",
                "hours_after": 11.0,
                "up": ["marco77", "rosie"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
            {
                "author": "dr_okafor",
                "anonymous": False,
                "guest_name": "",
                "body": "Rosie has covered this beautifully. I'd only add that if, over the coming months, the sadness seems to spread rather than thin out (trouble sleeping, losing interest in things generally, finding it hard to function at work), that's a good moment to see your doctor or a therapist. Breakups can sometimes tip into depression, and that is very treatable.",
                "hours_after": 36.0,
                "up": ["marco77", "rosie", "theo_cbt"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
        ],
    },
    {
        "title": "Is it a bad idea to stay friends with my ex straight away?",
        "body": (
            "We split up last week, amicably. We both said we want to stay friends, and honestly I'd miss her a lot otherwise. But a friend told me that's a terrible idea and we need a few months of no contact.\n\n"
            "Is there a right answer?"
        ),
        "category": "breakups",
        "tags": ["breakup", "boundaries", "friendship"],
        "author": "elif",
        "guest_name": "",
        "anonymous": False,
        "days_ago": 5.0,
        "views": 97,
        "up": ["maya", "lee"],
        "down": [],
        "comments": [],
        "answers": [
            {
                "author": "priya_couples",
                "anonymous": False,
                "guest_name": "",
                "body": (
                    "There isn't one right answer, but there are some honest questions worth asking yourself:\n\n"
                    "- Is either of you hoping, even a little, that friendship will lead back to the relationship?\n"
                    "- Could you hear about her dating someone new without it knocking you sideways for days?\n"
                    "- Is the friendship partly a way to avoid the sadness of the ending?\n\n"
                    "If the answers are mostly reassuring, friendship can work. But many people find that some distance, even a few weeks, makes a real friendship *more* likely later, because you both get time to grieve what ended. Distance isn't rejection. It can be a way of protecting what you want to keep."
                ),
                "hours_after": 10.0,
                "up": ["elif", "maya", "lee", "rosie", "jonah_k"],
                "down": [],
                "accepted": False,
                "comments": [
                    {
                        "author": "elif",
                        "anonymous": False,
                        "body": "The first question hit home, if I'm honest. Maybe a bit of distance first.",
                        "hours_after": 14.0,
                    },
                ],
            },
            {
                "author": "rosie",
                "anonymous": False,
                "guest_name": "",
                "body": "I'd wait a bit before deciding. A week after a breakup everything feels amicable because you're both being careful with each other. See how you feel in a month.",
                "hours_after": 20.0,
                "up": ["elif", "sam_r"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
            {
                "author": "sam_r",
                "anonymous": False,
                "guest_name": "",
                "body": "Tried it straight away with an ex. Didn't work, we kept slipping back. Six months apart and now we're actually good mates. Just my experience.",
                "hours_after": 40.0,
                "up": ["elif", "lee"],
                "down": ["aiyana"],
                "accepted": False,
                "comments": [],
            },
        ],
    },
    # --------------------------------------------------------------------- Anxiety
    {
        "title": "My heart pounds every time I have to speak in a work meeting",
        "body": (
            "I'm in my forties and I'm good at my job, and yet in our weekly meeting, as my turn to speak gets closer, my heart pounds, my face goes hot, and I rush through my update as fast as I can. Afterwards I replay it for hours.\n\n"
            "Is this social anxiety? I always thought that was for people who couldn't face parties."
        ),
        "category": "social-anxiety",
        "tags": ["social-anxiety", "work", "cbt"],
        "author": "ben_t",
        "guest_name": "",
        "anonymous": False,
        "days_ago": 18.0,
        "views": 276,
        "up": ["lee", "quietfern", "jonah_k", "aiyana", "theo_cbt"],
        "down": [],
        "comments": [
            {
                "author": "quietfern",
                "anonymous": False,
                "body": "The replaying afterwards is the worst part for me too.",
                "hours_after": 2.0,
            },
        ],
        "answers": [
            {
                "author": "theo_cbt",
                "anonymous": False,
                "guest_name": "",
                "body": (
                    "What you describe fits a very common form of social anxiety, sometimes called performance anxiety: the fear centres on being watched or evaluated rather than on social situations in general. Plenty of capable people live with it.\n\n"
                    "A few CBT-informed ideas:\n\n"
                    "- **Shift your attention outwards.** Anxiety pulls attention inwards, to your heartbeat and your face. Deliberately focusing on the people in the room and what they need from your update can turn the volume down.\n"
                    "- **Drop the safety behaviours.** Rushing is understandable, but it stops you learning that speaking at a normal pace goes fine. Try slowing down a little, on purpose.\n"
                    "- **Limit the replay.** Post-meeting reviews focus on the bits that felt bad. Give yourself five minutes to note what actually happened, then move on to something else.\n\n"
                    "If it's affecting your work or wellbeing a lot, CBT for social anxiety has good evidence and is usually fairly short."
                ),
                "hours_after": 4.0,
                "up": ["ben_t", "lee", "quietfern", "jonah_k", "aiyana", "dr_okafor", "maya"],
                "down": [],
                "accepted": True,
                "comments": [
                    {
                        "author": "ben_t",
                        "anonymous": False,
                        "body": "Slowed down on purpose this week. Heart still pounding, but nobody seemed to notice anything, which was eye-opening.",
                        "hours_after": 48.0,
                    },
                ],
            },
            {
                "author": "jonah_k",
                "anonymous": False,
                "guest_name": "",
                "body": "It helped me to speak early in the meeting. Waiting for my turn was worse than the talking.",
                "hours_after": 6.0,
                "up": ["ben_t", "quietfern", "lee"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
            {
                "author": "rosie",
                "anonymous": False,
                "guest_name": "",
                "body": "Not a fix, but I write my first sentence on a sticky note. Once the first sentence is out, the rest usually follows.",
                "hours_after": 25.0,
                "up": ["ben_t"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
        ],
    },
    {
        "title": "How do you make small talk when your mind goes completely blank?",
        "body": (
            "At work events or birthday parties I'll be chatting fine, then there's a pause and my mind is empty. I panic, say something weird, and then want to disappear.\n\n"
            "Does anyone have a trick for this? I'd love some actual phrases."
        ),
        "category": "social-anxiety",
        "tags": ["social-anxiety", "conversation"],
        "author": "quietfern",
        "guest_name": "",
        "anonymous": False,
        "days_ago": 66.0,
        "views": 389,
        "up": ["lee", "rosie", "aiyana", "nightowl_22"],
        "down": [],
        "comments": [],
        "answers": [
            {
                "author": "rosie",
                "anonymous": False,
                "guest_name": "",
                "body": (
                    "Questions are your friend, because they move the spotlight off you. A few I use:\n\n"
                    "- 'How do you know the host?'\n"
                    "- 'Got anything nice planned for the weekend?'\n"
                    "- 'What's keeping you busy at the moment?'\n"
                    "- 'Oh, tell me more about that' (works after almost anything)\n\n"
                    "And honestly, pauses are normal. Everyone has them. You can sip your drink and let it sit for a second. The other person is often relieved someone isn't rushing to fill it."
                ),
                "hours_after": 9.0,
                "up": ["quietfern", "lee", "aiyana", "nightowl_22", "maya", "jonah_k"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
            {
                "author": "lee",
                "anonymous": False,
                "guest_name": "",
                "body": "'Sorry, totally lost my train of thought' and a laugh. People find it relatable, not weird.",
                "hours_after": 30.0,
                "up": ["quietfern", "nightowl_22"],
                "down": ["elif"],
                "accepted": False,
                "comments": [],
            },
            {
                "author": "jonah_k",
                "anonymous": False,
                "guest_name": "",
                "body": "If you can, find the person who looks even more awkward than you and talk to them. They'll be grateful, and helping someone else feel at ease takes the focus off your own nerves.",
                "hours_after": 70.0,
                "up": ["quietfern", "rosie", "aiyana"],
                "down": [],
                "accepted": False,
                "comments": [
                    {
                        "author": "quietfern",
                        "anonymous": False,
                        "body": "Ha, I'm usually the awkward one in the corner. Love this though.",
                        "hours_after": 80.0,
                    },
                ],
            },
        ],
    },
    {
        "title": "Panic attacks at work: how do I get through the rest of the day?",
        "body": (
            "I've had three panic attacks at work in the past month. Racing heart, tight chest, the feeling that I need to get out right now. I usually hide in the toilets until it passes, about fifteen minutes.\n\n"
            "The attack itself is awful, but what I really struggle with is the rest of the day. I feel shaky and stupid and scared it'll happen again. How do people manage?"
        ),
        "category": "panic-attacks",
        "tags": ["panic-attacks", "work", "coping"],
        "author": "maya",
        "guest_name": "",
        "anonymous": False,
        "days_ago": 29.0,
        "views": 446,
        "up": ["rosie", "jonah_k", "elif", "lee", "quietfern", "dr_okafor", "aiyana"],
        "down": [],
        "comments": [
            {
                "author": "elif",
                "anonymous": False,
                "body": "Please see a GP too if you haven't yet, to rule out anything physical. Then you can be more confident it's panic.",
                "hours_after": 1.0,
            },
        ],
        "answers": [
            {
                "author": "dr_okafor",
                "anonymous": False,
                "guest_name": "",
                "body": (
                    "I'm glad you posted, and Elif's suggestion is a good one: if you haven't already, a check with your doctor makes sense so you can be confident about what's happening.\n\n"
                    "The after-effects you describe are very common. Panic floods the body with adrenaline, and it takes a while to clear, so feeling shaky and drained is a kind of physical hangover, not a sign of weakness.\n\n"
                    "For the rest of the day:\n\n"
                    "- **Slow breathing with a long out-breath** helps the body settle once the peak has passed.\n"
                    "- **Eat and drink something.** It makes more difference than you'd expect.\n"
                    "- **Go back to something small and routine**, like an easy email. It helps your brain register that the danger is over.\n"
                    "- **Watch the 'what if it happens again' thoughts.** Fear of the next attack is a big part of what keeps panic going. 'It was horrible, and it passed' is more accurate than 'I can't cope'.\n\n"
                    "Panic responds well to treatment, particularly CBT, so if attacks are becoming regular it's worth asking for a referral. Three in a month is a good enough reason."
                ),
                "hours_after": 5.0,
                "up": [
                    "maya",
                    "rosie",
                    "jonah_k",
                    "elif",
                    "lee",
                    "quietfern",
                    "aiyana",
                    "theo_cbt",
                    "ben_t",
                ],
                "down": [],
                "accepted": True,
                "comments": [
                    {
                        "author": "maya",
                        "anonymous": False,
                        "body": "Saw my GP: all fine physically, and I'm on the list for CBT now. Thinking of it as a physical hangover helps me be less hard on myself.",
                        "hours_after": 20.0,
                    },
                ],
            },
            {
                "author": "theo_cbt",
                "anonymous": False,
                "guest_name": "",
                "body": "One more thought: over time, try not to head for the toilets every single time. It feels safer, but it can teach your brain that the office is dangerous. Staying at your desk and doing the long out-breaths for a few minutes can gradually make the attacks less frightening. Do it gently, not as a test.",
                "hours_after": 8.0,
                "up": ["maya", "rosie", "dr_okafor", "jonah_k"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
            {
                "author": "jonah_k",
                "anonymous": False,
                "guest_name": "",
                "body": "I keep a little panic kit in my bag: mints, a cold water bottle, and a note on my phone in my own words saying 'this will pass in a few minutes, it always has'. Reading my own words helped more than I expected.",
                "hours_after": 12.0,
                "up": ["maya", "aiyana", "lee"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
        ],
    },
    {
        "title": "Was that a panic attack or something physical?",
        "body": (
            "Last night I woke up with my heart pounding, felt dizzy and was sure something terrible was happening. It lasted maybe ten minutes and then faded. I'm 27 and healthy as far as I know.\n\n"
            "Could that have been a panic attack even though I was asleep? How can you tell the difference?"
        ),
        "category": "panic-attacks",
        "tags": ["panic-attacks", "health-anxiety"],
        "author": None,
        "guest_name": "Chris",
        "anonymous": False,
        "days_ago": 4.0,
        "views": 122,
        "up": ["lee", "nightowl_22"],
        "down": [],
        "comments": [],
        "answers": [
            {
                "author": "dr_okafor",
                "anonymous": False,
                "guest_name": "",
                "body": (
                    "Panic attacks can happen at night and can even wake people from sleep, so it's possible. But it isn't something anyone can safely sort out from a description online, and I'd encourage you not to try to work it out on your own.\n\n"
                    "Please see a doctor. And if anything like this happens again with chest pain, difficulty breathing, fainting, or symptoms that don't settle, treat it as urgent and call emergency services. I don't say that to alarm you: most of the time these checks are reassuring, and once physical causes have been ruled out it's much easier to work on the anxiety side, if that's what it turns out to be."
                ),
                "hours_after": 3.0,
                "up": ["lee", "nightowl_22", "rosie", "jonah_k", "maya"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
            {
                "author": "rosie",
                "anonymous": False,
                "guest_name": "",
                "body": "My first ones were at night and I genuinely thought I was dying. The doctor checked me over and it was anxiety. But yes, get it checked. Knowing really does help.",
                "hours_after": 10.0,
                "up": ["nightowl_22", "lee"],
                "down": [],
                "accepted": False,
                "comments": [
                    {
                        "author": "nightowl_22",
                        "anonymous": False,
                        "body": "Same for me. The check-up made a huge difference to how scared I felt the next time.",
                        "hours_after": 20.0,
                    },
                ],
            },
        ],
    },
    {
        "title": "I can't stop googling my symptoms, even though I know it makes things worse",
        "body": (
            "I'm a nurse, which makes this more embarrassing. Any headache, any twinge, and I'm on my phone reading about the worst-case scenario, then spending the evening checking my body for other signs.\n\n"
            "Logically I know it's anxiety. I've had tests that came back fine. But the urge to check is so strong. How do I stop?"
        ),
        "category": "health-anxiety",
        "tags": ["health-anxiety", "reassurance", "coping"],
        "author": "elif",
        "guest_name": "",
        "anonymous": False,
        "days_ago": 52.0,
        "views": 468,
        "up": ["maya", "sam_r", "lee", "rosie", "jonah_k", "quietfern", "theo_cbt"],
        "down": [],
        "comments": [
            {
                "author": "sam_r",
                "anonymous": False,
                "body": "Not embarrassing at all. Knowing too much probably makes it harder.",
                "hours_after": 5.0,
            },
        ],
        "answers": [
            {
                "author": "theo_cbt",
                "anonymous": False,
                "guest_name": "",
                "body": (
                    "You've already spotted the key thing: googling and body-checking bring short-term relief, and that relief is exactly what keeps the cycle going. Each check teaches your brain that the worry was worth checking.\n\n"
                    "So the work is usually about cutting down the checking gradually, rather than trying to stop the thoughts:\n\n"
                    "1. **Notice and log it.** For a week, jot down each urge to check and what set it off. That alone often reduces it.\n"
                    "2. **Delay.** When the urge comes, wait thirty minutes before searching. Often it fades.\n"
                    "3. **Reduce, then stop.** Set limits, like no searching after 8pm, and widen them over time.\n"
                    "4. **Let the uncertainty sit.** The anxious mind wants total certainty, which no test can give. Practising 'maybe, maybe not' is uncomfortable but effective.\n\n"
                    "CBT for health anxiety is well established and focuses on exactly these habits, so if you stay stuck it's worth asking for. And your doctor remains the right person for any genuinely new or lasting symptom, so you don't have to decide alone."
                ),
                "hours_after": 7.0,
                "up": [
                    "elif",
                    "maya",
                    "sam_r",
                    "lee",
                    "rosie",
                    "jonah_k",
                    "quietfern",
                    "dr_okafor",
                ],
                "down": [],
                "accepted": True,
                "comments": [],
            },
            {
                "author": "jonah_k",
                "anonymous": False,
                "guest_name": "",
                "body": "I deleted the browser app from my phone for a month. Sounds extreme, but it put a bit of friction between me and the search bar. Helped a lot.",
                "hours_after": 10.0,
                "up": ["elif", "maya", "sam_r"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
            {
                "author": "maya",
                "anonymous": False,
                "guest_name": "",
                "body": "'Maybe, maybe not' has become a bit of a mantra for me. It's annoying how well it works.",
                "hours_after": 50.0,
                "up": ["elif"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
        ],
    },
    {
        "title": "My health anxiety got much worse after my dad's heart attack",
        "body": (
            "My dad had a heart attack in the spring. He survived, thank goodness, but since then I've been convinced my own heart is failing. I check my pulse constantly, and I've stopped exercising because I'm scared of feeling my heart speed up.\n\n"
            "I've had an ECG and it was normal. I feel like I'm going mad."
        ),
        "category": "health-anxiety",
        "tags": ["health-anxiety", "grief", "parents"],
        "author": "greta",
        "guest_name": "",
        "anonymous": False,
        "days_ago": 11.0,
        "views": 154,
        "up": ["elif", "rosie", "hannah_grief"],
        "down": [],
        "comments": [],
        "answers": [
            {
                "author": "hannah_grief",
                "anonymous": False,
                "guest_name": "",
                "body": (
                    "You're not going mad. Seeing someone you love suddenly in danger is a shock, and it's very common for that shock to show up afterwards as fear about your own body. In a way your mind is still on alert, trying to protect you from being caught off guard again.\n\n"
                    "It might help to see this partly as the aftermath of a frightening event, not only as health anxiety. Talking through what happened that day, how you heard, what you saw, can take some of the charge out of it. Many people never get the chance, because the person survived and everyone moved on.\n\n"
                    "I'd also suggest telling your doctor how anxious you've been since. They can point you towards support, and they can help you plan a gradual return to exercise so it feels safer."
                ),
                "hours_after": 6.0,
                "up": ["greta", "elif", "rosie", "dr_okafor", "jonah_k"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
            {
                "author": "dr_okafor",
                "anonymous": False,
                "guest_name": "",
                "body": "Hannah has put this really well. One addition: avoiding exercise because of a raised heart rate is very understandable, but over time it tends to make the fear stronger. Many people find that gentle, gradual activity, agreed with their doctor, helps them relearn that a faster heartbeat is safe. A therapist experienced with health anxiety can help you do that step by step.",
                "hours_after": 9.0,
                "up": ["greta", "hannah_grief", "elif"],
                "down": [],
                "accepted": False,
                "comments": [
                    {
                        "author": "greta",
                        "anonymous": False,
                        "body": "Thank you both. I hadn't thought of it as shock. That makes a lot of sense.",
                        "hours_after": 20.0,
                    },
                ],
            },
        ],
    },
    {
        "title": "My brain starts worrying the second I turn off the light",
        "body": (
            "All day I'm fine. Busy, distracted. Then I get into bed, turn off the light, and suddenly it's every awkward thing I've said since 2014, bills, and whether my cough is something serious.\n\n"
            "I've tried podcasts, but then I stay awake listening. Any techniques that actually work?"
        ),
        "category": "sleep-and-worry",
        "tags": ["sleep", "worry", "insomnia"],
        "author": "nightowl_22",
        "guest_name": "",
        "anonymous": False,
        "days_ago": 36.0,
        "views": 512,
        "up": ["lee", "rosie", "maya", "sam_r", "elif", "ben_t", "quietfern"],
        "down": [],
        "comments": [
            {
                "author": "ben_t",
                "anonymous": False,
                "body": "The 2014 bit made me laugh. Same.",
                "hours_after": 3.0,
            },
        ],
        "answers": [
            {
                "author": "theo_cbt",
                "anonymous": False,
                "guest_name": "",
                "body": (
                    "This is so common it's almost a rule: worry waits for the first quiet moment of the day. Some things that tend to help:\n\n"
                    "- **Scheduled worry time.** Set aside fifteen minutes in the early evening to write down worries and any next steps. At night you can remind yourself: 'that's on the list, I'll look at it tomorrow'.\n"
                    "- **A notebook by the bed** for new ones, so they're parked rather than held.\n"
                    "- **Cognitive shuffling.** Pick a word, say 'garden', and picture unrelated things starting with each letter: guitar, goat, gate, then apple, anchor... It's dull enough to let sleep in.\n"
                    "- **Get up if it's been a long while.** If you're wide awake after what feels like twenty minutes, go somewhere dim, do something quiet, and come back when you're sleepy.\n\n"
                    "If poor sleep carries on for weeks, CBT for insomnia has strong evidence and is often available online."
                ),
                "hours_after": 5.0,
                "up": [
                    "nightowl_22",
                    "lee",
                    "rosie",
                    "maya",
                    "sam_r",
                    "elif",
                    "ben_t",
                    "quietfern",
                    "dr_okafor",
                ],
                "down": [],
                "accepted": False,
                "comments": [
                    {
                        "author": "nightowl_22",
                        "anonymous": False,
                        "body": "Cognitive shuffling is ridiculous and it works. I only got as far as 'e' last night.",
                        "hours_after": 30.0,
                    },
                ],
            },
            {
                "author": "rosie",
                "anonymous": False,
                "guest_name": "",
                "body": "Worry time saved me. I thought it sounded silly (you can't just schedule worrying!) but apparently you can.",
                "hours_after": 9.0,
                "up": ["nightowl_22", "maya"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
            {
                "author": "ben_t",
                "anonymous": False,
                "guest_name": "",
                "body": "Swap new podcasts for something you've heard a hundred times, like an audiobook you know by heart. Nothing new to follow, so your brain drifts off.",
                "hours_after": 14.0,
                "up": ["nightowl_22", "lee", "sam_r"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
            {
                "author": "jonah_k",
                "anonymous": False,
                "guest_name": "",
                "body": "Also check your caffeine. I had no idea my 3pm coffee was still doing its thing at midnight.",
                "hours_after": 60.0,
                "up": ["nightowl_22"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
        ],
    },
    {
        "title": "Waking at 4am with a racing mind, every single night",
        "body": "I fall asleep fine but wake around four and that's it. My mind goes a mile a minute about shifts, money, everything. I'm on nights next week, which won't help. Has anyone found something that helps with early waking specifically?",
        "category": "sleep-and-worry",
        "tags": ["sleep", "insomnia"],
        "author": "elif",
        "guest_name": "",
        "anonymous": False,
        "days_ago": 0.4,
        "views": 15,
        "up": [],
        "down": [],
        "comments": [],
        "answers": [],
    },
    # ------------------------------------------------------------------ Depression
    {
        "title": "Some mornings I can't get out of bed. Where do I even start?",
        "body": (
            "I've been low for a few months. Most mornings I wake up and just lie there. It's not that I'm tired exactly; everything feels heavy and pointless. Some days I don't get up until lunchtime.\n\n"
            "I have a doctor's appointment booked for next week. Until then, is there anything that helps with actually getting up?"
        ),
        "category": "living-with-depression",
        "tags": ["depression", "motivation", "coping"],
        "author": "quietfern",
        "guest_name": "",
        "anonymous": False,
        "days_ago": 20.0,
        "views": 397,
        "up": ["rosie", "jonah_k", "maya", "lee", "sam_r", "dr_okafor"],
        "down": [],
        "comments": [
            {
                "author": "rosie",
                "anonymous": False,
                "body": "Really glad you've booked the doctor. That's a big step when everything feels heavy.",
                "hours_after": 2.0,
            },
        ],
        "answers": [
            {
                "author": "dr_okafor",
                "anonymous": False,
                "guest_name": "",
                "body": (
                    "I'm glad you've booked that appointment. Please do go, and tell them what you've told us here, including how long it's been going on.\n\n"
                    "The heaviness and the sense that things are pointless are a very common part of low mood. Motivation tends to follow action rather than come before it, which is frustrating, because it means waiting until you 'feel like it' doesn't work very well.\n\n"
                    "Some small things people find useful:\n\n"
                    "- **Make the first step tiny.** Not 'get up and shower', just 'sit up and put my feet on the floor'. Then see whether the next step follows.\n"
                    "- **Open the curtains or sit near a window soon after waking.** Daylight helps your body clock.\n"
                    "- **Plan one small thing for the morning**, ideally involving someone else: a message to a friend, a short walk to buy bread.\n"
                    "- **Go easy on the self-criticism.** Getting up at lunchtime isn't a failure; it's part of being unwell.\n\n"
                    "This is part of an approach called behavioural activation, which has good evidence for depression. Your doctor can talk you through the wider treatment options too."
                ),
                "hours_after": 6.0,
                "up": [
                    "quietfern",
                    "rosie",
                    "jonah_k",
                    "maya",
                    "lee",
                    "sam_r",
                    "aiyana",
                    "theo_cbt",
                    "ben_t",
                    "elif",
                ],
                "down": [],
                "accepted": True,
                "comments": [
                    {
                        "author": "quietfern",
                        "anonymous": False,
                        "body": "Feet on the floor. I can do that. Thank you.",
                        "hours_after": 30.0,
                    },
                ],
            },
            {
                "author": "jonah_k",
                "anonymous": False,
                "guest_name": "",
                "body": "Phone on the other side of the room, so switching off the alarm means standing up. Cheap trick, but it gets me vertical, and vertical is halfway there.",
                "hours_after": 8.0,
                "up": ["quietfern", "rosie", "lee"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
            {
                "author": "rosie",
                "anonymous": False,
                "guest_name": "",
                "body": "At my lowest, a friend texted me every morning at nine with just 'up?' and I'd send back a photo of my kettle. No chat required. Might be worth asking someone you trust to do the same.",
                "hours_after": 11.0,
                "up": ["quietfern", "maya", "jonah_k", "aiyana"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
        ],
    },
    {
        "title": "Feeling hopeless lately and not sure who to talk to",
        "body": (
            "I don't really know how to write this. For a few weeks everything has felt pointless. I go to work, come home, look after the kids, and there's just nothing inside. I keep thinking things won't get better.\n\n"
            "I haven't told my wife. I don't want to worry her. I'm not sure whether this is something a doctor deals with or whether I just need to pull myself together."
        ),
        "category": "living-with-depression",
        "tags": ["depression", "hopelessness", "getting-help"],
        "author": "ben_t",
        "guest_name": "",
        "anonymous": True,
        "days_ago": 2.0,
        "views": 88,
        "up": ["rosie", "jonah_k", "dr_okafor", "maya", "lee"],
        "down": [],
        "comments": [
            {
                "author": "jonah_k",
                "anonymous": False,
                "body": "Thank you for writing this. It isn't something you have to pull yourself out of alone.",
                "hours_after": 0.5,
            },
        ],
        "answers": [
            {
                "author": "dr_okafor",
                "anonymous": False,
                "guest_name": "",
                "body": (
                    "Thank you for putting this into words. That takes a lot, especially when you're used to being the one who holds things together.\n\n"
                    "Weeks of feeling empty, along with a sense that things won't get better, is exactly the kind of thing a doctor deals with. It isn't a failure of willpower, and pulling yourself together isn't how it gets better. It's often very treatable, with talking therapy, medication, or both. A good first step is to book an appointment with your GP or family doctor and tell them what you've told us.\n\n"
                    "If the hopelessness gets heavier, or you ever start to feel unsafe, please don't wait for an appointment. Contact a crisis line or emergency services. They're there for exactly those moments, day or night, and you don't need to be sure it's 'serious enough' to call.\n\n"
                    "As for your wife: you don't have to tell her everything at once. Even 'I've been really low and I'm going to see the doctor' lets her stand beside you. Most partners would far rather know."
                ),
                "hours_after": 1.5,
                "up": ["ben_t", "rosie", "jonah_k", "maya", "lee", "priya_couples", "theo_cbt"],
                "down": [],
                "accepted": False,
                "comments": [
                    {
                        "author": "ben_t",
                        "anonymous": True,
                        "body": "Booked an appointment for Thursday. Told my wife last night. She cried and hugged me. Thank you.",
                        "hours_after": 20.0,
                    },
                ],
            },
            {
                "author": "jonah_k",
                "anonymous": False,
                "guest_name": "",
                "body": "I've been where you are, including not telling my partner. When I finally did, it was like putting down a bag I hadn't realised I was carrying. Please see a doctor. And if it ever feels like too much, a crisis line is a real option, not a last resort. You're not alone in this.",
                "hours_after": 3.0,
                "up": ["ben_t", "rosie", "maya", "dr_okafor"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
            {
                "author": "rosie",
                "anonymous": False,
                "guest_name": "",
                "body": "Sending you a lot of warmth. The fact that you're asking shows there's a part of you still looking for a way through. Listen to that part.",
                "hours_after": 10.0,
                "up": ["ben_t", "maya"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
        ],
    },
    {
        "title": "Does low mood every winter count as depression?",
        "body": (
            "Every year around November I slide. I sleep more, crave carbs and can't be bothered with anything. By April I'm back to normal. It's been like this for as long as I can remember.\n\n"
            "Is this a real thing, or just everyone hating winter?"
        ),
        "category": "seasonal-mood",
        "tags": ["seasonal", "depression", "light-therapy"],
        "author": "lee",
        "guest_name": "",
        "anonymous": False,
        "days_ago": 95.0,
        "views": 604,
        "up": ["maya", "rosie", "sam_r", "marco77", "nightowl_22", "aiyana"],
        "down": [],
        "comments": [
            {
                "author": "marco77",
                "anonymous": False,
                "body": "Same pattern here. March is always when I start feeling human again.",
                "hours_after": 10.0,
            },
        ],
        "answers": [
            {
                "author": "dr_okafor",
                "anonymous": False,
                "guest_name": "",
                "body": (
                    "It's a real and recognised thing. When low mood follows a clear seasonal pattern year after year, clinicians may call it seasonal affective disorder, or depression with a seasonal pattern. Lots of people feel a little flatter in winter; the difference is how much it affects daily life.\n\n"
                    "What you mention, sleeping more, craving carbohydrates, losing interest, is typical of the winter pattern.\n\n"
                    "Things that are commonly suggested:\n\n"
                    "- getting outside in daylight, especially in the morning, even when it's grey\n"
                    "- keeping up activity and contact with people, even in a smaller way\n"
                    "- light therapy, which some people find helpful; a doctor can advise whether it suits you\n"
                    "- talking therapy, and for some people medication\n\n"
                    "Since it happens every year, it's worth seeing your doctor *before* November this time, so there's a plan in place rather than trying to climb out once you're already low."
                ),
                "hours_after": 8.0,
                "up": [
                    "lee",
                    "maya",
                    "rosie",
                    "sam_r",
                    "marco77",
                    "nightowl_22",
                    "aiyana",
                    "theo_cbt",
                ],
                "down": [],
                "accepted": False,
                "comments": [
                    {
                        "author": "lee",
                        "anonymous": False,
                        "body": "Planning ahead is such an obvious idea and I've never once done it. Putting a reminder in my calendar for September.",
                        "hours_after": 20.0,
                    },
                ],
            },
            {
                "author": "theo_cbt",
                "anonymous": False,
                "guest_name": "",
                "body": "Something a few of my clients do: write a 'winter letter' to yourself in the summer. What helped last year, what you'd like to keep doing, who to call. Then open it in November.",
                "hours_after": 12.0,
                "up": ["lee", "maya", "dr_okafor", "rosie"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
            {
                "author": "maya",
                "anonymous": False,
                "guest_name": "",
                "body": "Morning walks in daylight helped me more than I'd like to admit. Even twenty minutes.",
                "hours_after": 40.0,
                "up": ["lee", "marco77"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
        ],
    },
    {
        "title": "Should I tell my employer that I have depression?",
        "body": (
            "I've been treated for depression for about a year. I'm mostly okay, but there are weeks when I'm slower, and I've had to take a few sick days. My manager is nice, but I don't know how she'd react.\n\n"
            "Did anyone tell their employer? Did you regret it?"
        ),
        "category": "work-and-depression",
        "tags": ["depression", "work", "disclosure"],
        "author": "maya",
        "guest_name": "",
        "anonymous": False,
        "days_ago": 26.0,
        "views": 423,
        "up": ["elif", "rosie", "jonah_k", "lee", "aiyana"],
        "down": [],
        "comments": [],
        "answers": [
            {
                "author": "dr_okafor",
                "anonymous": False,
                "guest_name": "",
                "body": (
                    "It's a personal decision, and there's no single right answer. Some things that might help you weigh it up:\n\n"
                    "- **What you might gain:** understanding on harder weeks, access to adjustments such as flexible hours, and not having to cover for sick days.\n"
                    "- **What you might risk:** a manager who doesn't understand, or feeling exposed.\n"
                    "- **How much you share is up to you.** 'I have a health condition that sometimes affects my energy, and it's being treated' is enough. You don't owe anyone a diagnosis or details.\n\n"
                    "In many countries, depression with a long-term effect can be covered by disability or equality law, which may give you a right to reasonable adjustments. It's worth checking what applies where you live, and whether your workplace has an occupational health service, which can be a useful middle step."
                ),
                "hours_after": 10.0,
                "up": ["maya", "elif", "rosie", "jonah_k", "lee", "aiyana", "theo_cbt"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
            {
                "author": "jonah_k",
                "anonymous": False,
                "guest_name": "",
                "body": "I told mine. Mostly positive. She didn't really get it at first, but she let me move to a later start time, which honestly changed everything. I'd do it again, though I work somewhere fairly relaxed.",
                "hours_after": 14.0,
                "up": ["maya", "rosie"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
            {
                "author": "elif",
                "anonymous": False,
                "guest_name": "",
                "body": "I work in healthcare, and I went through occupational health rather than straight to my manager. They helped me work out what to say and which adjustments to ask for. It felt less personal that way.",
                "hours_after": 28.0,
                "up": ["maya", "lee", "aiyana"],
                "down": [],
                "accepted": False,
                "comments": [
                    {
                        "author": "maya",
                        "anonymous": False,
                        "body": "I didn't know occupational health could be a go-between. That might be the way for me.",
                        "hours_after": 40.0,
                    },
                ],
            },
        ],
    },
    {
        "title": "Going back to work after three months off with depression",
        "body": (
            "I'm due back in two weeks. I'm much better, but I'm terrified. What will colleagues say? What if I can't cope and it all falls apart again?\n\n"
            "Any advice from people who've been through a return to work?"
        ),
        "category": "work-and-depression",
        "tags": ["depression", "work", "return-to-work"],
        "author": None,
        "guest_name": "Rob",
        "anonymous": False,
        "days_ago": 8.0,
        "views": 141,
        "up": ["maya", "jonah_k", "elif"],
        "down": [],
        "comments": [],
        "answers": [
            {
                "author": "theo_cbt",
                "anonymous": False,
                "guest_name": "",
                "body": (
                    "Nerves before going back are really normal and don't mean you aren't ready. Things that often help:\n\n"
                    "- **Ask about a phased return**, starting with shorter or fewer days and building up.\n"
                    "- **Prepare a short, simple answer for colleagues.** 'I've been off for health reasons, I'm doing better, thanks for asking' is plenty. You don't owe anyone more.\n"
                    "- **Agree a check-in** with your manager after the first week or two.\n"
                    "- **Keep hold of what helped you recover.** It's easy to drop walks, sleep routines or therapy once work starts again, and that's when they matter most.\n\n"
                    "If you're seeing someone for treatment, talk the return through with them. They can help you spot early warning signs and plan what you'd do if they turned up."
                ),
                "hours_after": 5.0,
                "up": ["jonah_k", "maya", "elif", "rosie", "dr_okafor"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
            {
                "author": "jonah_k",
                "anonymous": False,
                "guest_name": "",
                "body": "Keep your first week really boring outside work. Early nights, easy dinners. You'll be more tired than you expect, and that's okay.",
                "hours_after": 9.0,
                "up": ["maya", "elif"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
            {
                "author": "rosie",
                "anonymous": False,
                "guest_name": "",
                "body": "Most of my colleagues said 'good to have you back' and then asked me about the new coffee machine. People think about us much less than we fear. In a good way.",
                "hours_after": 20.0,
                "up": ["maya", "elif", "lee"],
                "down": [],
                "accepted": False,
                "comments": [
                    {
                        "author": "jonah_k",
                        "anonymous": False,
                        "body": "Ha, the coffee machine. So true.",
                        "hours_after": 30.0,
                    },
                ],
            },
        ],
    },
    {
        "title": "My antidepressant makes me feel kind of flat. Is that normal?",
        "body": (
            "I started an antidepressant about two months ago. The worst lows are gone, which is great. But I also don't feel much joy, or get sad at films, or much of anything. It's like someone turned the volume down.\n\n"
            "Does this pass? Should I ask for a different one?"
        ),
        "category": "medication",
        "tags": ["medication", "antidepressants", "side-effects"],
        "author": "aiyana",
        "guest_name": "",
        "anonymous": False,
        "days_ago": 14.0,
        "views": 231,
        "up": ["rosie", "maya", "quietfern", "elif"],
        "down": [],
        "comments": [
            {
                "author": "quietfern",
                "anonymous": False,
                "body": "I had this too. Mention it to your doctor; there were options for me.",
                "hours_after": 4.0,
            },
        ],
        "answers": [
            {
                "author": "dr_okafor",
                "anonymous": False,
                "guest_name": "",
                "body": (
                    "Feeling emotionally flattened or blunted is something some people notice on antidepressants, so you're not alone, and it's worth taking seriously. It can also be hard to tell how much is the medication and how much is the tail end of the depression itself.\n\n"
                    "The right person to talk this through with is the doctor who prescribed it. Please don't change or stop the medication on your own. Your prescriber can look at the whole picture and go through the options with you, which depend very much on your individual situation.\n\n"
                    "Before the appointment, it can help to jot down:\n\n"
                    "- when you first noticed the flatness\n"
                    "- what has improved since you started\n"
                    "- what you miss feeling\n\n"
                    "That makes the conversation more useful. Wanting to feel *better*, not just less bad, is a completely reasonable goal to bring to them."
                ),
                "hours_after": 7.0,
                "up": ["aiyana", "rosie", "maya", "quietfern", "elif", "jonah_k", "theo_cbt"],
                "down": [],
                "accepted": False,
                "comments": [
                    {
                        "author": "aiyana",
                        "anonymous": False,
                        "body": "Wrote the list and I'm seeing her on Friday. Thank you for making it feel like a normal conversation to have.",
                        "hours_after": 30.0,
                    },
                ],
            },
            {
                "author": "rosie",
                "anonymous": False,
                "guest_name": "",
                "body": "I had this on one medication and not on another. My doctor was very matter-of-fact about it. Definitely raise it with yours.",
                "hours_after": 10.0,
                "up": ["aiyana", "quietfern"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
        ],
    },
    {
        "title": "Can I stop my medication now that I feel better?",
        "body": "I've been on medication for anxiety for eight months and I feel so much better. Part of me thinks I should just stop, since I don't need it anymore, and I don't really want to bother my doctor. Is it fine to just stop?",
        "category": "medication",
        "tags": ["medication", "antidepressants"],
        "author": "greta",
        "guest_name": "",
        "anonymous": False,
        "days_ago": 30.0,
        "views": 266,
        "up": ["lee", "elif"],
        "down": [],
        "comments": [
            {
                "author": "elif",
                "anonymous": False,
                "body": "Please don't just stop. Speak to your doctor first. Honestly, they would much rather you asked.",
                "hours_after": 2.0,
            },
        ],
        "answers": [
            {
                "author": "dr_okafor",
                "anonymous": False,
                "guest_name": "",
                "body": (
                    "It's really good that you're feeling so much better. I'd strongly encourage you to speak to your prescriber before making any change, rather than stopping on your own. You won't be bothering them; it's exactly the kind of conversation they expect to have.\n\n"
                    "Stopping some medications suddenly can cause unpleasant effects, and there's also the question of timing: prescribers often suggest staying on treatment for a while after feeling well, to lower the chance of symptoms coming back. They can look at your history and, if coming off makes sense, plan it with you safely.\n\n"
                    "It might help to go in with your questions written down: what coming off would look like for you, what to watch out for, and what to do if the anxiety returns."
                ),
                "hours_after": 4.0,
                "up": ["greta", "elif", "lee", "jonah_k", "rosie", "theo_cbt"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
            {
                "author": "jonah_k",
                "anonymous": False,
                "guest_name": "",
                "body": "Learned this the hard way a few years ago. Stopped on my own and felt awful for a couple of weeks. The second time I did it properly with my doctor, and it was a completely different experience.",
                "hours_after": 10.0,
                "up": ["greta", "elif", "lee"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
        ],
    },
    {
        "title": "Nervous about starting medication for the first time",
        "body": "My doctor suggested trying medication for anxiety and I said I'd think about it. I'm worried it will change who I am. Did anyone else feel like this before starting?",
        "category": "medication",
        "tags": ["medication", "first-time"],
        "author": "fen",
        "guest_name": "",
        "anonymous": False,
        "days_ago": 0.2,
        "views": 6,
        "up": [],
        "down": [],
        "comments": [],
        "answers": [],
    },
    # ----------------------------------------------------------------------- Grief
    {
        "title": "My dad died three months ago and I mostly feel numb",
        "body": (
            "Everyone keeps asking how I'm doing and seems to expect me to be falling apart. I'm not. I go to work, I eat, I even laugh at things. I cried at the funeral and not much since.\n\n"
            "Part of me feels like a bad son. Is it normal to feel this numb? Is something wrong with me?"
        ),
        "category": "losing-a-parent",
        "tags": ["grief", "parents", "numbness"],
        "author": "sam_r",
        "guest_name": "",
        "anonymous": False,
        "days_ago": 72.0,
        "views": 388,
        "up": ["hannah_grief", "rosie", "maya", "jonah_k", "lee", "elif", "greta"],
        "down": [],
        "comments": [
            {
                "author": "maya",
                "anonymous": False,
                "body": "Nothing wrong with you. I was the same after my grandmother died. It came later, in waves.",
                "hours_after": 3.0,
            },
        ],
        "answers": [
            {
                "author": "hannah_grief",
                "anonymous": False,
                "guest_name": "",
                "body": (
                    "There's nothing wrong with you, and you're not a bad son. Numbness is one of the most common responses to a death, especially in the first months. It can be the mind's way of letting you keep functioning while it slowly takes in something enormous.\n\n"
                    "Grief rarely follows the pattern people expect. Some people cry a lot early on; others feel flat, busy, or even relieved, and the sadness arrives later, often at unexpected moments: a song, his handwriting on an old card, reaching for the phone to tell him something.\n\n"
                    "A few gentle thoughts:\n\n"
                    "- You don't owe anyone a particular kind of grief. 'I'm okay most days, it comes and goes' is an honest answer.\n"
                    "- Small rituals can give grief somewhere to go, even if you don't feel much at the time: visiting a place he liked, cooking his favourite meal, writing to him.\n"
                    "- If the numbness goes on for a long time, or you notice yourself shutting down in other parts of life, a bereavement counsellor or support group can help.\n\n"
                    "You're grieving. It just looks like this for now."
                ),
                "hours_after": 5.0,
                "up": [
                    "sam_r",
                    "rosie",
                    "maya",
                    "jonah_k",
                    "lee",
                    "elif",
                    "greta",
                    "dr_okafor",
                    "aiyana",
                ],
                "down": [],
                "accepted": True,
                "comments": [
                    {
                        "author": "sam_r",
                        "anonymous": False,
                        "body": "'It just looks like this for now.' First time I've felt okay about it. Thank you.",
                        "hours_after": 20.0,
                    },
                ],
            },
            {
                "author": "rosie",
                "anonymous": False,
                "guest_name": "",
                "body": "When my mum died I was weirdly fine for about four months. Then I broke down in a supermarket because they'd stopped selling her favourite biscuits. Grief is strange. Be kind to yourself.",
                "hours_after": 9.0,
                "up": ["sam_r", "maya", "hannah_grief", "lee"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
            {
                "author": "jonah_k",
                "anonymous": False,
                "guest_name": "",
                "body": "Numb is a feeling too. You're not doing it wrong.",
                "hours_after": 30.0,
                "up": ["sam_r", "elif"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
        ],
    },
    {
        "title": "How can I support my wife after her mother died?",
        "body": (
            "My wife's mum died suddenly six weeks ago. She's struggling a lot: crying at night, not wanting to see people. I'm trying to be supportive, but I keep saying the wrong thing or trying to fix it, and she ends up more upset.\n\n"
            "What actually helps? I feel useless."
        ),
        "category": "losing-a-parent",
        "tags": ["grief", "supporting-others", "partners"],
        "author": "ben_t",
        "guest_name": "",
        "anonymous": False,
        "days_ago": 42.0,
        "views": 247,
        "up": ["priya_couples", "hannah_grief", "maya", "rosie", "lee"],
        "down": [],
        "comments": [],
        "answers": [
            {
                "author": "hannah_grief",
                "anonymous": False,
                "guest_name": "",
                "body": (
                    "You're not useless. The fact that you're asking this shows how much you care.\n\n"
                    "The hardest part of supporting someone who's grieving is that you can't fix it, and most of us are wired to try. What tends to help more is *being with* rather than *doing for*:\n\n"
                    "- **Listen without steering.** 'Tell me about her' can be a real gift. Let her talk about her mum, including the difficult parts.\n"
                    "- **Say her mum's name.** Many grieving people fear that others will forget.\n"
                    "- **Quietly take on practical tasks.** Meals, paperwork, school runs. These are often appreciated more than words.\n"
                    "- **Don't rush her back to normal.** Six weeks is very early.\n"
                    "- **Look after yourself too.** Supporting someone through grief is tiring.\n\n"
                    "If you're not sure what she needs on a given day, it's fine to ask: 'Do you want me to just be here, or would a distraction help?'"
                ),
                "hours_after": 8.0,
                "up": [
                    "ben_t",
                    "priya_couples",
                    "maya",
                    "rosie",
                    "lee",
                    "jonah_k",
                    "elif",
                    "dr_okafor",
                ],
                "down": [],
                "accepted": False,
                "comments": [
                    {
                        "author": "ben_t",
                        "anonymous": False,
                        "body": "'Tell me about her' got us talking for two hours last night. First time she's laughed in weeks.",
                        "hours_after": 24.0,
                    },
                ],
            },
            {
                "author": "priya_couples",
                "anonymous": False,
                "guest_name": "",
                "body": "Something I often see with couples: grief can make partners feel far apart, because one of you is in a very different place. That distance is normal and usually temporary. Small moments of closeness, a hand on her back, sitting together in the evening, matter more than finding the right words.",
                "hours_after": 12.0,
                "up": ["ben_t", "hannah_grief", "maya"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
            {
                "author": "maya",
                "anonymous": False,
                "guest_name": "",
                "body": "When my dad died, the most helpful thing my partner did was handle all the phone calls. I couldn't face explaining it over and over.",
                "hours_after": 35.0,
                "up": ["ben_t", "rosie"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
        ],
    },
    {
        "title": "Is it silly to grieve this much for my dog?",
        "body": (
            "We had to put Biscuit to sleep last Tuesday. She was fourteen and I'd had her since my twenties. I've cried more than I did for some people, which makes me feel guilty and a bit ridiculous.\n\n"
            "A colleague said 'it's just a dog, you can get another one'. I know he meant well. But I can't stop coming home and expecting her at the door."
        ),
        "category": "pet-loss",
        "tags": ["pet-loss", "grief"],
        "author": "lee",
        "guest_name": "",
        "anonymous": False,
        "days_ago": 17.0,
        "views": 302,
        "up": [
            "maya",
            "rosie",
            "hannah_grief",
            "aiyana",
            "nightowl_22",
            "jonah_k",
            "elif",
            "sam_r",
        ],
        "down": [],
        "comments": [
            {
                "author": "rosie",
                "anonymous": False,
                "body": "Not silly at all. I'm so sorry about Biscuit.",
                "hours_after": 1.0,
            },
        ],
        "answers": [
            {
                "author": "hannah_grief",
                "anonymous": False,
                "guest_name": "",
                "body": (
                    "I'm so sorry about Biscuit. It isn't silly at all. Fourteen years is a long relationship: she was part of your routines, your home, your sense of being greeted and needed. Grief follows attachment, not species.\n\n"
                    "Feeling guilty about grieving a pet 'more' than some people is also common. Often it's because the bond with an animal is simpler: no complications, just daily affection. There's nothing wrong with that.\n\n"
                    "Coming home is often the hardest moment because it's built into your day. Some people find it helps to change the routine a little for a while, or to create a small ritual: lighting a candle, walking your usual route with her lead, saying goodnight to her photo.\n\n"
                    "Your colleague meant well, but you don't have to take his advice. Pet bereavement support lines and groups exist because this grief is real."
                ),
                "hours_after": 4.0,
                "up": [
                    "lee",
                    "maya",
                    "rosie",
                    "aiyana",
                    "nightowl_22",
                    "jonah_k",
                    "elif",
                    "sam_r",
                    "dr_okafor",
                ],
                "down": [],
                "accepted": True,
                "comments": [
                    {
                        "author": "lee",
                        "anonymous": False,
                        "body": "Walked our usual route with her lead on Sunday. Cried the whole way round, but it felt right.",
                        "hours_after": 20.0,
                    },
                ],
            },
            {
                "author": "rosie",
                "anonymous": False,
                "guest_name": "",
                "body": "When my last cat died I didn't go to work for two days, and I'd do the same again. Biscuit sounds like she was very loved.",
                "hours_after": 6.0,
                "up": ["lee", "maya"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
            {
                "author": "aiyana",
                "anonymous": False,
                "guest_name": "",
                "body": "I still keep my childhood dog's collar in my desk drawer, ten years on. Sending love.",
                "hours_after": 10.0,
                "up": ["lee"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
            {
                "author": "nightowl_22",
                "anonymous": False,
                "guest_name": "",
                "body": "The door thing does get easier, I promise. It took me about two months to stop listening for paws.",
                "hours_after": 30.0,
                "up": ["lee", "elif"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
            {
                "author": None,
                "anonymous": False,
                "guest_name": "Paula",
                "body": "Lost my old boy Rufus last spring. Not silly in the slightest. The house is quieter and you feel it everywhere. Be gentle with yourself.",
                "hours_after": 40.0,
                "up": ["lee", "rosie"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
        ],
    },
    {
        "title": "Grieving my mum while she's still alive",
        "body": (
            "My mum has dementia. Physically she's okay, but she isn't really *her* anymore. Some days she doesn't know my name.\n\n"
            "I feel like I'm grieving, but she's still here, so it feels wrong to call it that. I also feel guilty when I don't want to visit. Does anyone else feel this?"
        ),
        "category": "anticipatory-grief",
        "tags": ["anticipatory-grief", "dementia", "parents"],
        "author": "quietfern",
        "guest_name": "",
        "anonymous": True,
        "days_ago": 60.0,
        "views": 290,
        "up": ["hannah_grief", "rosie", "maya", "sam_r", "jonah_k", "elif"],
        "down": [],
        "comments": [
            {
                "author": "elif",
                "anonymous": False,
                "body": "Yes. I see so many families in this situation at work. What you're feeling is real grief.",
                "hours_after": 8.0,
            },
        ],
        "answers": [
            {
                "author": "hannah_grief",
                "anonymous": False,
                "guest_name": "",
                "body": (
                    "What you're describing has names: anticipatory grief, and, especially with dementia, ambiguous loss, which means grieving someone who is physically present but psychologically changed. It is real grief, and one of the hardest kinds, because there's no clear moment when others recognise it and gather round.\n\n"
                    "Things families often find helpful:\n\n"
                    "- **Let both things be true.** You can love her, miss who she was, and dread visits, all at once.\n"
                    "- **Look for the moments that still connect.** Music, touch, old photos or a familiar smell can reach people with dementia in ways conversation can't.\n"
                    "- **Lower the bar for visits.** Twenty minutes of holding hands can be enough.\n"
                    "- **Get support for yourself.** Dementia carers' groups are full of people who understand exactly this.\n\n"
                    "The guilt is understandable, and it's also a sign of how much you care."
                ),
                "hours_after": 7.0,
                "up": ["quietfern", "rosie", "maya", "sam_r", "jonah_k", "elif", "dr_okafor"],
                "down": [],
                "accepted": False,
                "comments": [
                    {
                        "author": "quietfern",
                        "anonymous": True,
                        "body": "I played her favourite old songs on my phone last visit and she sang along to every word. I didn't know that was still there.",
                        "hours_after": 40.0,
                    },
                ],
            },
            {
                "author": "dr_okafor",
                "anonymous": False,
                "guest_name": "",
                "body": "Hannah's answer is lovely. I'd only add that long-term caring, even from a distance, can wear down mood and sleep. If you notice that happening, please mention it to your own doctor. Looking after yourself is part of looking after her.",
                "hours_after": 20.0,
                "up": ["quietfern", "hannah_grief"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
        ],
    },
    {
        "title": "The first anniversary of my brother's death is next month",
        "body": (
            "It's been almost a year and I'm already dreading the date. I don't know whether to take the day off, do something to remember him, or just try to get through it like any other day.\n\n"
            "What did other people do for the first anniversary?"
        ),
        "category": "anniversaries",
        "tags": ["anniversaries", "grief", "siblings"],
        "author": "nightowl_22",
        "guest_name": "",
        "anonymous": False,
        "days_ago": 10.0,
        "views": 176,
        "up": ["hannah_grief", "rosie", "sam_r", "maya", "jonah_k"],
        "down": [],
        "comments": [],
        "answers": [
            {
                "author": "hannah_grief",
                "anonymous": False,
                "guest_name": "",
                "body": (
                    "I'm sorry about your brother. The build-up to a first anniversary is often harder than the day itself, so the dread you're feeling now is very common.\n\n"
                    "There's no right way to mark it. Some people find it helps to plan something, even something small, because it gives the day a shape. Others prefer an ordinary day. A middle path many people choose:\n\n"
                    "- plan a gentle morning, with room to change your mind\n"
                    "- do one thing for him: visit somewhere he loved, eat his favourite food, share a story with someone who knew him\n"
                    "- tell one or two people that it's the date, so you're not carrying it alone\n"
                    "- have something comforting lined up for the evening\n\n"
                    "And be kind to yourself about whatever you feel on the day, including feeling less than you expected."
                ),
                "hours_after": 6.0,
                "up": ["nightowl_22", "rosie", "sam_r", "maya", "jonah_k", "elif"],
                "down": [],
                "accepted": False,
                "comments": [
                    {
                        "author": "nightowl_22",
                        "anonymous": False,
                        "body": "I think I'll take the morning off and go to the beach he loved. Thank you.",
                        "hours_after": 30.0,
                    },
                ],
            },
            {
                "author": "jonah_k",
                "anonymous": False,
                "guest_name": "",
                "body": "The week before was worse than the day for me too. On the day itself my family got together and made my brother's famously terrible pasta. We laughed a lot.",
                "hours_after": 10.0,
                "up": ["nightowl_22", "hannah_grief", "sam_r"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
        ],
    },
    {
        "title": "How do you handle the birthday of someone who has died?",
        "body": "My grandad would have been 80 this weekend. The family is split between doing something and ignoring it, and I don't know what I want either. Any ideas?",
        "category": "anniversaries",
        "tags": ["anniversaries", "grief", "birthdays"],
        "author": None,
        "guest_name": "",
        "anonymous": False,
        "days_ago": 0.6,
        "views": 18,
        "up": [],
        "down": [],
        "comments": [],
        "answers": [],
    },
    # ------------------------------------------------------------------- Self-care
    {
        "title": "What small habits have actually helped your mood?",
        "body": (
            "Not big life changes, just little things. I'll start: I make my bed every morning. Sounds silly, but on bad days it means there's one tidy thing in the room.\n\n"
            "What are yours?"
        ),
        "category": "daily-habits",
        "tags": ["habits", "coping", "self-care"],
        "author": "rosie",
        "guest_name": "",
        "anonymous": False,
        "days_ago": 110.0,
        "views": 820,
        "up": [
            "maya",
            "jonah_k",
            "lee",
            "ben_t",
            "aiyana",
            "quietfern",
            "sam_r",
            "nightowl_22",
            "elif",
            "marco77",
        ],
        "down": [],
        "comments": [
            {
                "author": "marco77",
                "anonymous": False,
                "body": "Love threads like this.",
                "hours_after": 30.0,
            },
        ],
        "answers": [
            {
                "author": "jonah_k",
                "anonymous": False,
                "guest_name": "",
                "body": "Ten minutes outside before I look at my phone. Even in the rain.",
                "hours_after": 2.0,
                "up": ["rosie", "maya", "lee", "ben_t", "aiyana"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
            {
                "author": "lee",
                "anonymous": False,
                "guest_name": "",
                "body": "Walking the dog without headphones. Just noticing things: the same cat in the same window, whose hedge got cut. Weirdly calming.",
                "hours_after": 5.0,
                "up": ["rosie", "jonah_k", "quietfern"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
            {
                "author": "maya",
                "anonymous": False,
                "guest_name": "",
                "body": "Writing down three things that went okay before bed. Not 'grateful', that word annoys me, just okay. Some days it's 'ate lunch'.",
                "hours_after": 20.0,
                "up": ["rosie", "jonah_k", "aiyana", "elif", "nightowl_22", "sam_r"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
            {
                "author": "ben_t",
                "anonymous": False,
                "guest_name": "",
                "body": "Cooking one proper meal a week from scratch with the kids. Messy, but it's the best hour of my week.",
                "hours_after": 48.0,
                "up": ["rosie", "maya"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
            {
                "author": None,
                "anonymous": False,
                "guest_name": "",
                "body": "Watering my plants every morning. Something alive depending on me, but in a low-stakes way.",
                "hours_after": 60.0,
                "up": ["rosie", "maya"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
            {
                "author": "aiyana",
                "anonymous": False,
                "guest_name": "",
                "body": "Phone in a drawer after 10pm. Both my sleep and my mood got noticeably better within a couple of weeks.",
                "hours_after": 100.0,
                "up": ["rosie", "nightowl_22", "lee"],
                "down": [],
                "accepted": False,
                "comments": [
                    {
                        "author": "fen",
                        "anonymous": False,
                        "body": "Trying this tonight.",
                        "hours_after": 120.0,
                    },
                ],
            },
        ],
    },
    {
        "title": "Is this burnout, or am I just lazy?",
        "body": (
            "I work in a kitchen, fifty-plus hours a week. I used to love it. Now I dread every shift, I'm snapping at people, and on my days off I lie on the sofa and can't do anything I used to enjoy.\n\n"
            "My head chef says everyone feels like this and I need to toughen up. Maybe he's right and I'm just lazy?"
        ),
        "category": "burnout-and-rest",
        "tags": ["burnout", "work", "self-criticism"],
        "author": "marco77",
        "guest_name": "",
        "anonymous": False,
        "days_ago": 46.0,
        "views": 372,
        "up": ["rosie", "jonah_k", "elif", "lee", "theo_cbt", "ben_t"],
        "down": [],
        "comments": [
            {
                "author": "elif",
                "anonymous": False,
                "body": "Fifty hours a week and you're worried you're lazy? Please be kinder to yourself.",
                "hours_after": 2.0,
            },
        ],
        "answers": [
            {
                "author": "theo_cbt",
                "anonymous": False,
                "guest_name": "",
                "body": (
                    "From what you describe, 'lazy' doesn't fit. Lazy people don't usually work fifty hours a week. Dread, irritability, exhaustion and losing pleasure even in your free time is a common picture of burnout, and it's an understandable response to long-term overload.\n\n"
                    "Some of it overlaps with depression, especially losing enjoyment on your days off, so it would be worth seeing your doctor to talk it through properly.\n\n"
                    "In the meantime, a few questions to ask yourself:\n\n"
                    "- What would a sustainable week actually look like? Is any part of that possible?\n"
                    "- Are you getting real breaks, food and sleep between shifts?\n"
                    "- Who could you talk to about the workload, beyond your head chef?\n\n"
                    "On days off, aim for recovery rather than productivity. The sofa might be exactly what your body needs right now. Small enjoyable things can come back later, a little at a time."
                ),
                "hours_after": 6.0,
                "up": ["marco77", "rosie", "jonah_k", "elif", "lee", "ben_t", "dr_okafor"],
                "down": [],
                "accepted": True,
                "comments": [
                    {
                        "author": "marco77",
                        "anonymous": False,
                        "body": "Booked a doctor's appointment. And told my head chef I need a proper break between doubles. We'll see.",
                        "hours_after": 12.0,
                    },
                ],
            },
            {
                "author": "jonah_k",
                "anonymous": False,
                "guest_name": "",
                "body": "'Everyone feels like this' doesn't mean it's okay. It might just mean everyone there is burned out.",
                "hours_after": 9.0,
                "up": ["marco77", "rosie", "elif", "lee"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
            {
                "author": "dr_okafor",
                "anonymous": False,
                "guest_name": "",
                "body": "I agree with Theo. I'd add that if you notice you're drinking more, sleeping badly, or struggling to care about anything at all, please get to that doctor's appointment soon. Hospitality can be a hard industry to ask for help in, but you're very much allowed to.",
                "hours_after": 30.0,
                "up": ["marco77", "theo_cbt"],
                "down": [],
                "accepted": False,
                "comments": [],
            },
        ],
    },
    {
        "title": "How do you rest without feeling guilty about it?",
        "body": "Grad school brain. Every time I take an evening off I feel like I'm falling behind, so even when I'm resting I'm not really resting. How do other people switch off?",
        "category": "burnout-and-rest",
        "tags": ["rest", "guilt", "self-care"],
        "author": "aiyana",
        "guest_name": "",
        "anonymous": False,
        "days_ago": 0.3,
        "views": 12,
        "up": ["rosie"],
        "down": [],
        "comments": [],
        "answers": [],
    },
]
