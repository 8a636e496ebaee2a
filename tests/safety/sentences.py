"""Sentences written for the screening tests (none comes from the evaluation set), by
the outcome they should get: what people write on support forums, long and short, and
the hard cases around them. The engine was developed against these as well as the
tuning part of the evaluation set."""

CRISIS = [
    "I can't do this anymore, I just want everything to end.",
    "i've had enough of living honestly",
    "i'd be better off dead",
    "whats the point of living when nobody cares",
    "i want to disappear forever",
    "i keep thinking about ending it all",
    "no one would care if i killed myself",
    "i don't want to live anymore",
    "life isn't worth living anymore",
    "i wish i'd never been born",
    "i hate being alive",
    "i want to go to sleep forever",
    "im a burden and everyone would be better off if i was dead",
    "i think im going to do it tonight. i cant go on",
    "so tired. i just want to end my life",
    "i keep having thoughts of suicide and they're getting stronger",
    "I've been planning how I'd do it",
    "I'm thinking of ending it",
    "i'm seriously considering suicide",
    "i don't see a future for myself, i want to die",
    "i really want to kill myself rn",
    "i genuinely do not want to be alive",
    "cant stop crying. want to die.",
    "lost my job lost my partner. im going to end it tonight",
    "everyone keeps telling me it gets better but i dont believe it anymore. i want to die",
    "my therapist says i'm doing great but i still want to die every single day",
    "i dont want to be here anymore. i'm so tired of everything",
    "I wrote a goodbye letter to my sister last night.",
    "i feel like killing myself",
    "I just want to stop existing",
    "i cant take it anymore i want to die",
    "i dont want to live like this anymore and honestly i dont want to live at all",
    "part of me wants to die",
    "im suicidal again",
    "i'm at the point where i'm planning my suicide",
    "I'm going to end it all soon",
    "i want to end it",
    "nobody would miss me if i was gone and i think about killing myself every night",
    "honestly the only thing stopping me from killing myself is my cat",
    "i'm scared i'm going to kill myself",
    "i wish i could die in my sleep",
    "im not gonna be here much longer",
    "ive made my peace and ill be gone by sunday",
    "Does anyone else think about suicide every day? Because I do and it's getting worse.",
    "there is no point in me being alive",
    "i just want to die. i'm not okay",
    "I know exactly how I would do it and I have the things I need",
    (
        "so i dont really know how to start this. ive been on the waiting list for therapy for 7 "
        "months and they keep pushing my assessment back. my mum thinks im lazy because i sleep "
        "all day, my boyfriend broke up with me in june and i failed second year. every morning i"
        " wake up and the first thing i feel is disappointed that i woke up. lately its more than"
        " that. i think about dying basically all day and ive started looking at my life like its"
        " already over. i dont have a plan or anything but i dont think i can keep doing this for"
        " much longer and that scares me"
    ),
    (
        "I've been a lurker for a year. My wife passed in March and the house is silent. My son "
        "calls when he remembers. I keep her cardigan on the chair. I'm 71 and I've decided I've "
        "had my time. I am not afraid of going, I think I'd quite like to be with her again soon."
        " I've put the paperwork in order so nobody has to deal with a mess. I just wanted to "
        "tell someone."
    ),
    (
        "Work has been brutal, my manager screams at me in meetings, and I've been drinking more "
        "than I should. Last night I sat in the bath for two hours thinking about how it would be"
        " easier for everyone if I just wasn't around anymore. Today the thought is still there "
        "and it's louder. I keep telling myself I have things to live for but I genuinely can't "
        "think of one right now."
    ),
    (
        "honestly im writing this bc i have nobody else. my parents kicked me out, my friends "
        "stopped replying, and my phone is about to be cut off. i keep picturing not waking up "
        "and it feels like the only peace i'll get. tonight i really think i might do something. "
        "i'm not trying to be dramatic"
    ),
    (
        "Hi. 34, father of one, engineer. On paper I'm fine. In reality I've been going through "
        "the motions for years and recently the idea of killing myself has stopped feeling like a"
        " crazy thought and started feeling like a sensible plan. I haven't told my wife. I don't"
        " know why I'm posting except that I had to tell someone."
    ),
    (
        "i relapsed on everything this month, drinking, not eating, not going to lectures. my "
        "flatmates dont notice. i keep thinking i want to die and then i feel guilty for thinking"
        " it because other people have it worse. but it's every day now. i dont want to wake up "
        "anymore"
    ),
    "i keep thinking everyone would be happier if i just disappeared for good",
    "honestly i'm not sure i want to be alive by christmas",
    "i've started to plan my own death and it's frightening how calm i feel",
    "I want to die. I've wanted it for weeks and it's getting worse.",
    "i just want to fall asleep and never wake up again",
    "i'm so done. i don't see myself making it to the end of the month",
    "every night i lie awake thinking about ending my own life",
    "i can't take another day of this, i'm ready to end it",
    "part of me just wants to stop breathing",
    "I'm going to take my own life. I just wanted someone to know",
    "i feel like i should just end it all",
    "some days i wish i could just not exist. today is one of those days, worse than usual",
    "i want to die so badly it physically hurts",
    "im going to do it this time. im not scared anymore",
    "i have no desire to keep living",
    "i dont know how much longer i can keep myself alive",
    "i'm tired of fighting to stay alive",
    "all i can think about is dying",
    "there's no way out except ending it",
    "i feel like the world would be a better place without me in it",
    "i wish i was never alive",
    "my family would be better off with me gone",
    "ive been counting down the days until i can leave this world",
    "i want to end my suffering permanently",
    "i think i'm going to kill myself soon, i can't handle this anymore",
    "please just let me die",
    "i don't want to be alive and i'm starting to think i won't be much longer",
    "i'm seriously thinking of ending things this weekend",
    "i've lost the will to live",
    "i'd rather be dead than keep living like this",
    "life has lost all meaning and i want out",
    "i hope i die in my sleep tonight",
    "i keep wishing a car would hit me",
    "sometimes i hope i get hit by a bus. lately it's most days",
    "i've thought about suicide every day this week",
    (
        "I don't usually post. I'm 28, I work in retail, I live with my mum. For about a year now"
        " I've felt like I'm just waiting for something to end. My mum doesn't notice, she's got "
        "her own stuff. Last week I gave my cat to my sister and told her it was because of my "
        "allergies. It isn't. I've decided I'm not going to be around by the spring, and I feel "
        "weirdly okay about it. I'm only writing this because I want one person to know the "
        "truth."
    ),
    (
        "everything went wrong this year. i lost my job in march, my girlfriend moved out in "
        "june, and now my landlord wants me out by the end of the month. ive applied for about 80"
        " jobs and got nothing. i havent told my parents because theyll just say i told you so. i"
        " sit in my room all day and the only thing i think about is how to make it stop. i dont "
        "mean the job hunting. i mean all of it. i think it would be easier to just not exist"
    ),
    (
        "This might be my last post. I've been fighting depression since I was a teenager and I'm"
        " 45 now. I've done every medication, every kind of therapy they offer on the NHS, I did "
        "an inpatient stay in 2019. Nothing sticks. I'm not angry at anyone, I'm just exhausted "
        "in a way sleep doesn't fix. I've written letters to my kids. I'm not going to say when. "
        "I just wanted to say thank you to the people on here who were kind to me over the years."
    ),
    (
        "i know this is long sorry. my dad died in january and my mum started drinking again and "
        "i'm the one who looks after my little sister now. i'm 17. i'm failing everything at "
        "school and my teachers just think i'm lazy. i cant remember the last time i felt "
        "anything except tired. lately i've been thinking if i fell down the stairs it wouldn't "
        "be the worst thing. and i've started thinking about doing something on purpose. i don't "
        "want to leave my sister but i don't know how much longer i can keep going"
    ),
    (
        "Bit of background: two kids, divorced, crippling debt from my ex's gambling that I'm "
        "somehow still paying. I work two jobs and I'm still behind on everything. I don't sleep."
        " I sat in the car park at work today and cried for an hour. I've been having thoughts "
        "about not being around anymore and today they didn't feel like intrusive thoughts, they "
        "felt like a decision. I love my kids. I just can't see how I get out of this."
    ),
    "ngl i've been wanting to die for a while now",
    "i dont think im gonna make it through this week and part of me is relieved",
    "tonight i'm going to end everything, i'm sorry",
    "I am done living. Nobody needs me.",
    "i want to stop living, i'm exhausted by it",
    "I keep thinking how peaceful it would be to not wake up",
    "i have thoughts of killing myself almost every day now",
    "ive got nothing left and im ready to go",
    "if i'm honest i'm planning to end my life after my exams",
    "i dont want to exist anymore, everything hurts",
    "every day i wake up wishing i hadnt",
    "i'm going to kill myself, i've decided",
    "Suicide is on my mind constantly and I don't know how to make it stop",
    "i wish i could just vanish and never come back. im serious",
    "I can't keep living like this. I want to die.",
    "it's 4am and i'm sitting here thinking about how to end it",
    "i've given up. i want out of this life",
    "im just so tired of existing",
    "I really think this is the end for me. I'm going to do it.",
    "i don't want to wake up tomorrow, or ever",
    "me and my family would both be better off if i died",
    "i dont see a reason to stay alive",
    "i think about suicide more than anything else these days",
    "i don't feel like living anymore",
    "i'm counting the days until i can end it",
    (
        "I'm 23 and I feel like I've already lived too long. My sister is getting married in "
        "spring and everyone is excited and I just nod along. I don't think I'll be there. I "
        "haven't told anyone but I've been thinking about how I'd do it for weeks and I'm tired "
        "of pretending. I wanted to put it somewhere before I lose my nerve."
    ),
    (
        "my ex has the kids every weekend now and the flat is so quiet. i keep looking at photos "
        "from before. i don't want to live through another christmas like last year. i've started"
        " giving things away to the charity shop. i don't think anyone would even notice if i "
        "stopped showing up to work. i'm not asking for advice, i just don't want to go without "
        "saying something"
    ),
    (
        "Nobody in my life knows this. I'm a teacher, I smile all day for thirty kids and then I "
        "go home and lie on the floor. I keep fantasising about not existing. Lately it's stopped"
        " being a fantasy and started being something I plan around, like which day would hurt "
        "the fewest people. I know how this sounds."
    ),
    (
        "sorry if this is the wrong place. i've had depression for 10 years and i'm just done. "
        "i've fought and fought. i've decided that if things aren't better by my birthday in june"
        " i'm going to end it. i feel calm since deciding which i know is a bad sign. i just want"
        " someone to know"
    ),
    (
        "i'm typing this on my phone in the car. i've been driving around for hours. i can't go "
        "home and face them. i keep thinking it would be so easy to just not be here anymore. i "
        "don't know what to do"
    ),
    (
        "Every single day I wish I wasn't alive. It's been like this for months and it's getting "
        "worse, not better."
    ),
    "thinking of ending it tonight. no one will care",
    "i'm at my limit. if nothing changes by friday i'm done, for good",
    "i have been suicidal for weeks and it's only getting worse",
    "i genuinely don't know if i want to live anymore",
    (
        "My GP doubled my antidepressants last month and nothing has changed. I don't want to be "
        "alive anymore and I'm scared of how much I mean it."
    ),
    "i stopped taking my medication because whats the point. i want to die. i just want it over",
    (
        "I've been on three different tablets this year and I still wake up wishing I hadn't. I "
        "think about dying constantly."
    ),
    (
        "the psychiatrist upped my dose again. i told her i'm fine. i'm not fine, i'm planning to"
        " end my life"
    ),
    (
        "I keep walking past the bridge on my way to work and I just feel empty. I don't want to "
        "live anymore."
    ),
    "im 14 and i dont want to live no more",
    "sorry my english. i am want to finish my life, i am very tired",
    "i'm 79, my wife is gone, and i have no wish to carry on. i'm ready",
    "honestly? i want to be dead. thats it thats the post",
    "i cant see any reason to keep going. i think this is goodbye",
    "not sure how much longer i can hold on. i'm thinking about ending it",
    "i'm done trying. tonight i'm going to end it",
    "there is nothing left for me here. i want to go",
    "i just wanna sleep and never wake up fr",
    "everyday i think about how i could kill myself",
    "I no longer want to live. I've felt this way for a month.",
    "i really dont want to be alive tomorrow",
    "my head keeps telling me to kill myself and i'm starting to listen",
    "i'm thinking about taking my own life",
    "i dont care if i die anymore. actually i want to",
    "want to die. cant stop crying. nobody answers",
    "Is it wrong that I want to die? I think about it every minute.",
    "i'm considering suicide seriously for the first time",
    "i can't stay alive for much longer like this",
    "i want to kms so bad",
    "my brother died by suicide two years ago and now i want to do the same",
    "everyone says it gets better. it doesnt. i want to die",
    "lol i know this sounds dramatic but i actually want to die. not joking",
    "I was doing better for a while but now I want to die again",
    "i told my mum i wanted to die and she laughed. i still do",
    "if i'm being honest i don't want to be alive anymore",
    "my therapist asked if i was safe. i lied. i'm not. i want to kill myself",
    "when i was 12 i wanted to die and now at 30 i want to die again",
    "years of therapy and i still want to die every single day",
    "haha so yeah im planning to kill myself this weekend",
    "i used to think it would pass. now i know i'm going to end it",
    "my friends think i'm fine. i'm not. i think about suicide constantly",
    "she left me. i dont want to live without her",
    "i can't live without him. i don't want to live at all",
    "no one would even notice if i was gone. i think i'm going to do it",
    "what's the point anymore. i just want to disappear forever",
    "i wish i could just stop existing",
    "ive been so depressed that i want to die",
    "i dont want to die but i dont want to live either",
    "i wanna end it all",
    "is it normal to want to die every day? because i do",
    "I'm scared because I want to die and I have a plan",
    "i feel so hopeless. i want to end my life",
    "i want to go to sleep and not wake up. every night",
    "i keep hoping i won't wake up",
]


METHOD = [
    "I've been collecting pills for weeks",
    "how long does it take to bleed out",
    "which is less painful, hanging or pills?",
    "i went up to the roof again tonight and looked over the edge",
    "I took 30 of my tablets an hour ago",
    "I have a razor blade in my drawer and I'm going to use it tonight",
    "i burned myself with a lighter again",
    "I'm going to jump off the bridge tonight",
    "What is a lethal dose of paracetamol?",
    "i've got a stash of pills saved up and i'm thinking of taking them all this weekend",
    "I bought a new blade today. I'm going to use it tonight.",
    "i've been googling how many of my pills it would take",
    (
        "I tied a rope in the garage tonight. I didn't go through with it. I don't know about "
        "tomorrow."
    ),
    "i stood on the edge of the car park roof for an hour last night",
    "cut my arms again, deeper this time, couldn't stop the bleeding for ages",
    "i have the pills in front of me right now",
    "been burning myself with cigarettes again",
    "i looked up which bridges in my city are the highest",
    "my dad's gun is in the cupboard and i keep thinking about using it on myself",
    (
        "i'm 15 and everyone at school hates me. they made a group chat just to make fun of me. "
        "i've been cutting for a while but that's not even it anymore. i want to die. like "
        "actually die. i've looked at my mum's medication in the bathroom and thought about "
        "taking all of it. i don't know why i'm telling strangers"
    ),
    "i don't want to be here anymore. i keep thinking about the railway line behind our estate",
    "I can't do this anymore. There's a belt in my wardrobe and I keep looking at it.",
    "tonight i'm going to take everything in the medicine cabinet with a bottle of vodka",
    (
        "I've been holding a knife to my wrist in the bathroom most nights. I haven't pressed "
        "down yet."
    ),
    "i want to die. i have my insulin and i know how much would do it",
    "i keep burning my arms with a lighter when everyone's asleep and it's getting worse",
    "i'm going to drive off the motorway bridge on the way home, i've decided",
    (
        "Every night I stand on my balcony on the 12th floor and think about letting go. I don't "
        "want to live."
    ),
    "I want to end it. I've got sleeping tablets saved in my sock drawer.",
    "ive been scratching my wrists with scissors again, last night it wouldn't stop bleeding",
    "i keep looking up how long it takes to drown. i live by the sea",
    "I'm so tired. I've worked out which cliff and I'm going on Saturday.",
    "last night i needed stitches. i told the nurse i fell on glass. i didnt",
    "the cuts on my thighs are getting deeper and i can't make myself stop",
    "i punched the wall until my knuckles split, again. it's the only thing that helps",
    "i've been hurting myself every night this week and hiding it under long sleeves",
    "i had to go to a&e after what i did to my arm on saturday",
    "I keep a box of blades under my bed and I used one last night",
    "bled through the bandage at work today. nobody noticed",
    "i burned my wrist on the hob on purpose tonight",
    "I've started cutting again after two years clean. Last night was bad, lots of blood.",
    (
        "i took a handful of my pills last night to see what would happen. i woke up this morning"
        " feeling awful"
    ),
]


INCITEMENT = [
    "do everyone a favour and kill yourself",
    "nobody would care if you died. just do it already",
    "why dont you just go die",
    "you're worthless. end it.",
    "let's end it together on saturday",
    "kys",
    "the world would be better without you in it",
    "i hope you kill yourself",
    "you should hang yourself",
    "honestly just end your life, nobody here would care",
    "if you're so miserable why are you still alive",
    "you'd do everyone a favour by disappearing permanently",
    "go jump off a bridge",
    "kill urself lol nobody wants you here",
    "maybe you should just die then",
    "we could both end it, same time same night, what do you think",
    "i'm in if you are. let's stop pretending and do it together",
    "stop threatening it and actually follow through for once",
    "people like you shouldn't be alive",
    "nobody would even notice if you were gone. do it.",
    "neck yourself",
    "rope yourself loser",
    "just unalive yourself already",
    "why haven't you done it yet? we're all waiting",
    "i dare you to actually do it this time",
    "bet you won't. you never do. coward",
    "the world doesn't need you, just go",
    "stop wasting oxygen and end it",
    "pls just die already",
    "everyone here hates you. do us a favour and disappear for good",
    "you should have done it years ago",
    "take a long walk off a short pier",
    "drink bleach",
    "no one would care if you vanished tomorrow. go on then",
    "your kids would be better off without you, honestly",
    "let's make a pact. same night, you and me",
    "come with me. we can end it together at the bridge on sunday",
    "want to join me? i've picked a date",
    "you're pathetic. you've been saying goodbye for months, just get it done",
]


NONE = [
    "I wish I'd never been born in this boring town lol",
    "I hate my job so much I could scream",
    "My dog died last week and I can't stop crying",
    "I'm not going to kill myself, stop asking",
    "my friend said she wanted to die and I don't know what to do",
    "can someone explain what suicidal ideation means?",
    "if a client says they want to die, what do you do?",
    "I was suicidal in my twenties but I'm much better now",
    "i survived an attempt 10 years ago and now i volunteer at a crisis line",
    "this heat is killing me",
    "my dad passed away by suicide when i was 12",
    "when i said i wanted to die i meant the exam lol",
    "he told me he wanted to end his life and I called an ambulance",
    "i used to self harm but i stopped years ago",
    "I'm so done with this job",
    "I'm done with dating apps",
    "I'm done, I'm breaking up with him",
    "I want to end things with my girlfriend but I don't know how",
    "I'm thinking about ending it with him, he's so controlling",
    "she wants to kill me for forgetting her birthday lol",
    "i'd kill for a holiday right now",
    "i'm dying to tell you about my new therapist",
    "the book is about a girl who wants to die",
    "In the film, the main character jumps off a bridge at the end.",
    "My grandmother always said 'I'd sooner die than be a burden'",
    "My therapist asked if I had thoughts of ending my life. I said no, honestly I'm okay.",
    "How do I support my partner who has suicidal thoughts?",
    "Is it normal to think about death a lot after losing a parent?",
    "I think about death sometimes but I'm not suicidal, is that normal?",
    (
        "Does anyone else get intrusive thoughts about jumping when they stand on a balcony? I "
        "don't want to, it just pops up."
    ),
    "i keep thinking about my ex every day",
    "I want to disappear for a week and go to the beach",
    "I'm tired of living paycheck to paycheck",
    "i can't go on like this with my roommate, she never cleans",
    "my life is over if i fail this exam lol",
    "Honestly I could die of embarrassment after what I said",
    "I've been feeling down lately, is therapy worth it?",
    "Is it okay to cry in front of my therapist?",
    "the stabbing pains in my chest are killing me, doctor says it's anxiety",
    "we went to the bridge to watch the sunset",
    "what a day. fuck my life, missed the bus AND spilled coffee",
    "FML my car broke down again",
    "I could just die, my crush said hi to me today!!",
    "my nan used to say she'd rather be dead than in a care home",
    (
        "Long post, sorry. My brother tried to take his own life in September. He's home now and "
        "doing a bit better, he has a psychiatrist and a care coordinator. But I'm the one who "
        "found him and I can't stop replaying it. I wake up at night convinced I heard something."
        " My parents are focused on him, rightly, and I feel selfish for struggling. I'm not in "
        "any danger myself, I just feel like I'm carrying this alone. Does it get easier? How do "
        "siblings cope after something like this?"
    ),
    (
        "I'm a nurse on an acute psychiatric ward. Today a patient told me in detail how she "
        "planned to end her life and I did everything right, escalated, documented, stayed with "
        "her. She's safe. But on the drive home I cried the whole way. How do other people in "
        "mental health jobs decompress? I love my work but some days the weight is a lot. I have "
        "supervision on Thursday."
    ),
    (
        "Update for anyone who remembers my posts from two years ago, when I was writing here "
        "most nights about wanting to die. I wanted to say that I'm still here. It took three "
        "medications, two therapists and a lot of stubbornness from my friends, but this spring I"
        " started feeling like a person again. I'm back at work, I adopted a greyhound, and I "
        "laughed properly last week for the first time in ages. If you're in that place now, "
        "please keep talking to people."
    ),
    (
        "My teenager keeps saying 'I want to die' about everything, homework, chores, being asked"
        " to unload the dishwasher. I know it's how they all talk now but it makes my stomach "
        "drop every time. How do I tell the difference between normal teenage drama and something"
        " I should act on? We do talk a lot and she seems happy otherwise."
    ),
    (
        "I've been reading about the 'call of the void' and it made me feel better. Whenever I'm "
        "on a high platform or balcony I get this sudden image of jumping, even though I love my "
        "life and have no wish to die at all. Apparently loads of people get this. Does anyone "
        "else? Is it worth mentioning to my therapist or is it just a weird brain thing?"
    ),
    (
        "My therapist ended our session early last week and I'm fuming. I was in the middle of "
        "talking about my dad and she just said 'we'll have to stop there'. I get that time is "
        "time, but I'm paying a fortune for this. I'm not in crisis, I'm just annoyed and a bit "
        "hurt. Should I bring it up next time or let it go? I don't want to damage the "
        "relationship, we've been working together for eight months and it mostly helps."
    ),
    (
        "Kind of a strange question. I write horror fiction and one of my characters is a man who"
        " has decided to die and spends the book putting his affairs in order, giving his things "
        "away and writing letters. A beta reader said it felt too real and she found it "
        "upsetting. I want to handle it responsibly. Should I add a content note? Include a "
        "helpline at the end? I don't want to give anyone ideas but I also don't want to sanitise"
        " it."
    ),
    (
        "Honestly this week can go to hell. Flat flooded, car got towed, and my landlord is being"
        " a complete arsehole about the deposit. I'm so stressed I could scream. I'm not "
        "depressed, just furious. Anyone dealt with a deposit dispute in Scotland? What actually "
        "works?"
    ),
    "my flatmate keeps saying 'i'm going to kill myself' every time he burns dinner lol",
    "I want to die laughing at this meme",
    (
        "i told my therapist i sometimes feel like disappearing but i'm not suicidal, i just want"
        " a break"
    ),
    (
        "when my mum was dying in the hospice she said she was ready to go. how do you cope with "
        "that memory?"
    ),
    "I'm reading a memoir by a woman who survived a suicide attempt. Highly recommend.",
    "what are the warning signs that someone is thinking about ending their life?",
    "i wanted to die after my first breakup at 16, now i laugh about it",
    "my son wrote a story where the hero sacrifices himself, should i be worried?",
    "i would never take my own life, but i understand why people do",
    (
        "is it selfish to think about death when you have kids? not planning anything, just "
        "anxious about mortality"
    ),
    "this project deadline is going to be the end of me",
    "i nearly killed myself tripping over the cat on the stairs lol",
    "my therapist asked me to rate my suicidal thoughts from 0 to 10 and i said 0",
    (
        "after my dad died i kept thinking about death, but it was more fear than wanting it. "
        "that was years ago"
    ),
    "i'm dying of boredom at this conference",
    "the pills my doctor gave me make me drowsy, is that normal?",
    "we scattered his ashes off the bridge where he proposed to her",
    "i dont want to live with my parents anymore, how do i save for a deposit",
    "my cat would literally die without me lol she's so clingy",
    "I'm ready to end my therapy, I feel good now",
    "i'm dead serious, this is the best therapist i've had",
    "How do you talk to a friend who has just been discharged after an overdose?",
    "Lyrics from my favourite song: 'I'm not afraid to die tonight.' Anyone know it?",
    (
        "someone at work said 'just kill yourself' to a colleague as a joke and HR did nothing. "
        "am I overreacting?"
    ),
    "i've stopped wanting to die since starting sertraline, it's honestly amazing",
    "I used to want to disappear. Now I just want a nap.",
    "My brother keeps talking about ending his life. I've called his GP.",
    (
        "my best friend sent me a goodbye message last night and i called the police. she's safe "
        "now. how do i support her?"
    ),
    (
        "is it normal that my grief makes me want to be with my mum again? not in a suicidal way,"
        " just missing her"
    ),
    (
        "Does everyone get those 'what if I just jumped' thoughts on a high balcony? I'm not "
        "suicidal at all."
    ),
    (
        "My dad has dementia and last week he told the nurse he wants to die. The doctor says "
        "it's common at this stage and not the same as being suicidal, but it broke me. I'm his "
        "main carer and I'm exhausted. I'm not in danger myself, I just don't know how to hear "
        "that and keep going each day. How do other carers cope with hearing things like that?"
    ),
    (
        "I'm writing an essay on how the media covers suicide for my journalism course. The "
        "guidelines say not to describe methods, not to use the word 'committed', and to include "
        "helpline details. I'm interested in whether these guidelines actually reduce copycat "
        "deaths or whether that's assumed. Any good sources?"
    ),
    (
        "Three years ago tonight I was sitting on my bathroom floor with a plan. I didn't go "
        "through with it because my dog started barking and I went to check on her. Today I'm "
        "engaged, I'm halfway through my nursing degree, and I still have that dog. I still see a"
        " therapist every fortnight. I just wanted to mark the day and say to anyone reading at "
        "3am, please stay."
    ),
    "my grandma said she's ready to die and it really upset me, how do i talk to her about it?",
    "i dont want to live in this city anymore, the rent is insane",
    "I'm planning to end my tenancy early, any advice?",
    "i'm so done with exams, just want summer",
    "this relationship is dead, I need to end it",
    "i wanted to die when i saw my exam results lol",
    "the character thinks about ending his life in chapter 3 and I don't know how to write it",
    "my friend is thinking about suicide and won't tell her parents",
    "i'm not planning to hurt myself, i just feel empty",
    "studying for the bar exam is killing me slowly lol",
    "honestly i'd die for my kids",
    "I would never want to die and leave my children, but I'm so tired",
    "Research question: how often do people who attempt suicide go on to die by suicide?",
    "My patient told me she has been thinking about ending her life, what's the protocol?",
    "i dont want to go on another date with him",
    "can't wait for this week to be over",
    "I'm scared of dying since my diagnosis, is that normal?",
    "I used to think about suicide every day in high school. Therapy helped so much.",
    "My therapist retired and honestly I feel lost, not in a dangerous way",
    "i cant go on pretending i like my job",
    (
        "My partner attempted last year and is now doing really well in therapy. Some days I "
        "still panic when he doesn't answer his phone. I'm seeing my own counsellor to work on "
        "it. How do other partners manage the fear without smothering them? He says he's safe and"
        " I believe him, I just can't switch my brain off."
    ),
    (
        "I'm a GP registrar and I've noticed I ask 'do you ever think about ending your life?' in"
        " a really stilted way. Patients can tell. How do experienced clinicians make this "
        "question feel natural? Any phrasing tips would be appreciated."
    ),
    (
        "I'm writing my dissertation on the language people use online when they're in crisis, "
        "things like 'I want to die' versus 'I want it to stop'. Does anyone know good corpora or"
        " papers on this? Ethics approval is sorted, I'm not collecting anything from this forum."
    ),
    (
        "After two years on sertraline I've come off it slowly with my doctor. I used to have "
        "these awful thoughts about not wanting to be alive and they've just... gone. I'm not "
        "saying it's a miracle drug but for me it worked. Happy to answer questions about "
        "tapering."
    ),
    (
        "my nan is 94 and keeps saying she's had enough and wants to go. the care home say it's "
        "normal at her age and she isn't suicidal, she's just tired. but it breaks my heart every"
        " visit. how do you respond to someone who says that?"
    ),
    (
        "I lost my brother to suicide in 2019. Today would have been his 30th birthday. I'm okay,"
        " just sad, and I wanted to say his name somewhere: Daniel. Miss you mate."
    ),
    (
        "Not going to lie, the last month has been rough. Lost my job, car died, and I've been "
        "sleeping too much. But I'm not in a dark place, I'm applying for jobs and seeing "
        "friends. Just wanted to vent. How do you stay motivated when applications keep getting "
        "rejected?"
    ),
    (
        "my therapist said something that stuck with me: 'wanting the pain to end isn't the same "
        "as wanting your life to end'. i never thought about it that way. for me it's definitely "
        "the pain i want gone"
    ),
    (
        "i screamed 'i want to die' into my pillow after my team lost the final, my girlfriend "
        "laughed at me"
    ),
    (
        "What do you say to a friend who says 'honestly I'd be better off dead' when she's joking"
        " but kind of not? She laughs it off when I ask."
    ),
    (
        "My sister has been really low since her divorce and last night she texted me saying she "
        "doesn't want to be here anymore and that everyone would be better off without her. I "
        "drove over straight away and she's staying with me now. She's agreed to see her GP "
        "tomorrow. I'm terrified and I don't know what to say to her. How do I support her "
        "without making it worse? I keep checking on her every hour."
    ),
    (
        "I want to talk about the guilt after losing someone to suicide. My best friend died two "
        "years ago. For months I kept going over every message, wondering what I missed. I went "
        "to a support group for people bereaved by suicide and it helped more than anything. I'm "
        "okay now, I still think about him every day, but it's a softer kind of thinking. If "
        "anyone here has lost someone this way, you are not alone and it isn't your fault."
    ),
    (
        "For my psychology placement I've been shadowing a crisis team. The thing that surprised "
        "me most was how calm the clinicians are when someone says they want to die. They ask "
        "about plans, means, protective factors, and they really listen. I'm trying to learn how "
        "to do that without sounding scripted. Do any clinicians here have advice on staying "
        "present rather than running through a checklist?"
    ),
    (
        "I'm 40 and my therapist has been encouraging me to write a letter to my younger self, "
        "the 17 year old who tried to end her life. I've been putting it off for weeks because I "
        "don't want to go back there. I'm in a good place now, married, two kids, a job I like. "
        "But I know there's something unfinished about that time. Has anyone done this exercise? "
        "Did it help or did it stir everything up?"
    ),
    (
        "My husband keeps joking that he'd be better off dead every time something goes wrong at "
        "work. He says it's just a figure of speech and he's not depressed, but his dad died by "
        "suicide and it scares me. I've asked him directly and he says he's fine and has no "
        "thoughts like that. Am I overreacting? How do I tell him it upsets me without starting a"
        " fight?"
    ),
    (
        "I'm writing a eulogy for my grandad who died last week at 92. He was funny, stubborn and"
        " he used to say he wanted to die in his garden, and he nearly did, he collapsed among "
        "his tomatoes. I want the eulogy to make people laugh and cry. Any tips on structure? I'm"
        " nervous about reading it out loud without breaking down."
    ),
    (
        "Does anyone else find therapy endings hard? My counsellor and I have four sessions left "
        "and I feel a weird grief about it. It's not that I'm in danger or anything like that, "
        "I'm far from where I was when I started. It's more that she's been the one constant "
        "person this year. How do you say goodbye to a therapist well? Is it okay to give a small"
        " gift?"
    ),
    (
        "A student in my tutor group told me today that she's been self-harming and thinking "
        "about suicide. I followed the safeguarding procedure and her parents and the school "
        "nurse are involved. I've been a teacher for 15 years and this is the first time a "
        "student has said it to me directly. I can't stop thinking about her. How do teachers "
        "look after themselves after a disclosure like this?"
    ),
    "please don't hurt yourself, you matter to us",
    "you should talk to your GP, you don't have to go through this alone",
    "nobody deserves to feel like that. is there someone you can call tonight?",
    "my abuser used to tell me to kill myself. I'm safe now and in therapy.",
    "someone in a game chat told my son to kys and i reported them. how do i talk to him about it?",
    "if you're struggling please reach out to a crisis line",
    "you'd be surprised how much better you'll feel after a walk",
    "I'll do it if you do it - let's both sign up for the 5k",
    "I cut myself chopping onions and needed stitches, what a day",
    "My daughter self-harms and I found blood on her sheets. How do I help her?",
    "I used to burn myself when I was 15. The scars have faded now.",
    "i bled through my pad at work, periods are the worst",
    (
        "I punched a wall in anger once years ago and broke my hand. Therapy helped me manage my "
        "temper."
    ),
]
