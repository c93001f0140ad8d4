# A small game in plain Ren'Py syntax, written the way Ren'Py's own documentation shows each
# statement (Dialogue and Narration, Displaying Images, In-Game Menus, Labels & Control
# Flow, Conditional Statements, Python Statements, Audio, Text, ATL, Transitions, NVL-Mode
# Tutorial). It keeps to the subset the engine supports, so it runs unchanged here;
# tests/renpy_compat/test_renpy_compat.py plays it.

# Characters, with keyword arguments.
define e = Character("Eileen", color="#c8ffc8", image="eileen")
define l = Character('Lucy', who_color="#ffc8e0", what_color="#ffeef6")
define narrator_quote = Character(None, what_prefix='"', what_suffix='"')

# NVL-mode characters: their lines gather on a full-screen page.
define n = Character("Nora", kind=nvl, color="#ffd0a0")
define narrator_nvl = Character(None, kind=nvl)
define config.name = "Ren'Py compatibility"

# Images from file names; the second word on is the image's attributes.
image bg uni = "uni.png"
image bg meadow = "meadow.png"
image eileen happy = "eileen_happy.png"
image eileen vhappy = "eileen_vhappy.png"
image eileen concerned = "eileen_concerned.png"
image lucy mad = "lucy_mad.png"

default points = 0
default drank_tea = False
default book = False
default player_name = "Player"

label start:

    scene bg uni
    with fade

    play music "theme.ogg" fadein 1.0

    "This is narration."

    show eileen happy at right with dissolve

    e "Hello, [player_name]. This is {b}bold{/b}, {i}italic{/i} and {color=#ff8080}red{/color}."

    "Eileen" "This line names its speaker in a string."

    e concerned "A pause comes next.{w} There it was.{p}And a new paragraph."

    narrator_quote "Narration in quotes, from a Character with what_prefix."
    call code_tour from _call_code_tour
    call meadow_visit

    n "Meanwhile, in the notebook Nora keeps, a page begins."

    narrator_nvl "Lines gather on the page, one under another, {cps=*2}quickly{/cps} or {cps=10}slowly{/cps}."

    extend " Each one waits for a click."

    nvl clear

    n "A {s}used{/s} {u}fresh{/u} page, {alpha=0.6}quietly{/alpha}. {a=https://www.renpy.org}Ren'Py{/a} reads it too."

    call media_tour

    $ points += 2
    $ points = points * 3 - 1

    menu:
        "What should I drink?"

        "Drink coffee.":
            $ points += 5
            "I drink the coffee, and it's good to the last drop."

        "Drink tea.":
            $ drank_tea = True
            "I drink the tea, trying not to make a political statement as I do."

        "Read a book." if points >= 5:
            $ book = True

        "Go to the meadow.":
            jump meadow_ending

    menu:
        e "Anything else?"

        "Talk about the tea." if drank_tea:
            e vhappy "Tea! Good choice."

        "Talk about the book." if book:
            e "I read that one too."

        "Say goodbye.":
            pass

    if points >= 10:
        jump good_ending
    elif drank_tea:
        jump tea_ending
    else:
        jump bad_ending


label meadow_visit:

    window hide
    scene bg meadow with Dissolve(0.5)
    centered "{size=+8}The Meadow{/size}"
    window show
    show lucy mad at left
    show eileen happy at slide_in(0.75), breathe behind lucy
    with moveinleft
    $ renpy.pause(1.0)
    l "You called me here."
    extend mad " I'll send you back when I'm done."
    window auto
    play sound "click.ogg"
    hide lucy with dissolve
    hide eileen with moveoutright
    queue music "theme.ogg"
    return


label good_ending:
    e vhappy "[points] points! That's a good ending."
    stop music fadeout 1.0
    $ ending = "Good"
    return


label tea_ending:
    show eileen happy:
        xalign 0.5 yalign 1.0
        linear 0.5 yoffset -20
        ease 0.5 yoffset 0
    e "We had tea, at least."
    pause 0.5
    $ ending = "Tea"
    return


label bad_ending:
    hide eileen
    with Fade(0.5, 0.0, 0.5)
    "And that was that."
    pause
    $ ending = "Bad"
    return


label meadow_ending:
    scene bg meadow
    with dissolve
    "The meadow is quiet. [points] points."
    call flow_tour
    call scenery_tour
    $ ending = "Meadow"
    return


# Transforms (ATL) run at init time, wherever they are written.
transform slide_in(x=0.5, t=1.0):
    xalign -0.2
    easein t xalign x

transform breathe:
    parallel:
        ease 1.5 zoom 1.02
        ease 1.5 zoom 1.0
        repeat
    parallel:
        matrixcolor TintMatrix("#ffffff")
