"""Seed the category tree every new site starts with; moderators can change it in the admin."""

from django.db import migrations

SEED_CATEGORIES = [('therapists',
  'Therapists',
  'Finding the right therapist, working with them, and knowing when to move on.',
  [('finding-a-therapist',
    'Finding a therapist',
    'Costs, waiting lists, directories and what to ask before you book.'),
   ('therapy-relationship',
    'The therapy relationship',
    'Trust, attachment, awkward moments and everything else that happens between you and your '
    'therapist.'),
   ('ending-therapy',
    'Ending therapy',
    'Planned endings, changing therapist, and going back when you need to.')]),
 ('psychotherapy',
  'Psychotherapy',
  'How talking therapies work, from the first session to choosing an approach.',
  [('first-sessions',
    'First sessions',
    'What to expect when you start, and how it feels afterwards.'),
   ('therapy-approaches',
    'Therapy approaches',
    'CBT, psychodynamic work, EMDR and other ways of doing therapy.'),
   ('couples-therapy',
    'Couples therapy',
    'Going to therapy together, or on your own about your relationship.')]),
 ('relationships',
  'Relationships',
  'Partners, family and friends: the people who matter and the ways we get stuck with them.',
  [('partners-and-dating',
    'Partners and dating',
    'Arguments, jealousy, closeness and the everyday work of being together.'),
   ('family', 'Family', 'Parents, siblings and setting boundaries with people you love.'),
   ('friendships',
    'Friendships',
    'Making friends, keeping them, and friendships that have become hard work.'),
   ('breakups',
    'Breakups',
    'Getting through the end of a relationship and what comes after.')]),
 ('anxiety',
  'Anxiety',
  'Worry, fear and panic, and the practical things that help people live with them.',
  [('social-anxiety',
    'Social anxiety',
    'Meetings, parties, small talk and the fear of being judged.'),
   ('panic-attacks',
    'Panic attacks',
    "What panic is, what it isn't, and getting through an attack."),
   ('health-anxiety',
    'Health anxiety',
    'Symptom checking, reassurance seeking and fear of illness.'),
   ('sleep-and-worry',
    'Sleep and worry',
    'Racing thoughts at night, early waking and getting rest back.')]),
 ('depression',
  'Depression',
  'Low mood, loss of interest and finding a way forward, one small step at a time.',
  [('living-with-depression',
    'Living with depression',
    'Getting through the day, asking for help and looking after yourself.'),
   ('seasonal-mood',
    'Seasonal mood',
    'Winter lows, daylight and planning ahead for the dark months.'),
   ('work-and-depression',
    'Work and depression',
    'Telling an employer, taking time off and going back.'),
   ('medication',
    'Medication',
    'Experiences with psychiatric medication; decisions belong with your prescriber.')]),
 ('grief',
  'Grief',
  'Living with loss, in all the shapes it takes.',
  [('losing-a-parent',
    'Losing a parent',
    'Grieving a mother or father, and supporting others who are.'),
   ('pet-loss', 'Pet loss', 'Grief for the animals who shared our lives.'),
   ('anticipatory-grief',
    'Anticipatory grief',
    'Grieving someone who is still here: illness, dementia and long goodbyes.'),
   ('anniversaries',
    'Anniversaries and dates',
    'Birthdays, death anniversaries and other days that bring it all back.')]),
 ('self-care',
  'Self-care',
  'Small habits, rest and recovery that make the rest a bit easier.',
  [('daily-habits', 'Daily habits', 'Routines and little things that help people keep steady.'),
   ('burnout-and-rest',
    'Burnout and rest',
    'Exhaustion, overwork and learning to rest without guilt.')])]


def seed_categories(apps, schema_editor):
    Category = apps.get_model("tags", "Category")
    for position, (slug, name, description, children) in enumerate(SEED_CATEGORIES):
        parent, _ = Category.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description, "position": position}
        )
        for child_position, (child_slug, child_name, child_description) in enumerate(children):
            Category.objects.get_or_create(
                slug=child_slug,
                defaults={
                    "name": child_name,
                    "description": child_description,
                    "position": child_position,
                    "parent": parent,
                },
            )


class Migration(migrations.Migration):
    dependencies = [("tags", "0001_initial")]

    operations = [migrations.RunPython(seed_categories, migrations.RunPython.noop)]
