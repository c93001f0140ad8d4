# Pictures, sounds and text the way Ren'Py writers write them (issue 17, media): images
# from ATL blocks whose frames play, a SnowBlossom, a flash named by its ATL, colours,
# transforms, a Composite and Ren'Py's images/ folder, a layeredimage (its scarf chosen by
# an if on a variable) and a ConditionSwitch, show text, onlayer
# and camera (a zoom that eases out, a pan), an inline {image=} in a line, audio names,
# voice and queues, text tags and interpolation with indexes, keys and formats.
# tests/renpy_compat/test_media.py plays it.

image bg night = Solid("#1a2030")
image bg campus 01 = "uni.png"
image uni small = Transform("uni.png", zoom=0.5)
image uni pair = Composite((900, 500), (0, 0), "uni small", (450, 0), "eileen_happy.png")

image heart = "heart.png"

image eileen wave:
    "eileen_happy.png"
    pause 0.3
    "eileen_vhappy.png" with Dissolve(0.2)
    pause 0.3
    repeat
image petals = SnowBlossom("petal.png", count=12, yspeed=(60, 120), start=0.1)

layeredimage ann:
    always:
        "ann_base"
    if ann_scarf == "red":
        "ann_scarf_red"
    elif ann_scarf == "green":
        "ann_scarf_green"
    group face:
        attribute calm default
        attribute cross
    attribute glasses if_not ["cross"]

image token = ConditionSwitch(
    "media_coins > 20", "heart",
    "True", "petal.png")

define audio.chime = "click.ogg"
define a = Character("Ann", image="ann", color="#e0c8ff")
define élodie = Character("Élodie", color="#ffe0a0")

default media_bag = ["lantern", "map", "rope"]
default media_stats = {"hp": 7, "name": "ann"}
default media_coins = 12.5
default café = "noir"
default ann_scarf = None

label media_tour:
    $ save_name = "Pictures, sounds and text"

    scene bg night
    show text "{size=40}Ten years later.{/size}" with dissolve
    pause 0.5
    hide text with dissolve

    scene bg campus 01 with fade
    camera:
        zoom 1.0
    play music theme fadein 1.0
    queue music theme

    show eileen wave at left onlayer master
    show ann glasses at right
    show token:
        xalign 0.5 yalign 0.1
    show lucy mad onlayer overlay:
        xalign 0.98 yalign 0.05 zoom 0.5

    camera:
        xalign 0.5 yalign 0.5 zoom 1.25
        linear 1.0 zoom 1.0

    a "I {image=heart} this campus, and {image=heart.png} the meadow too."

    camera:
        ease 0.5 xoffset -40
    camera
    hide lucy onlayer overlay

    a "I carry the [media_bag[0]] and the [media_bag[-1]]; this line
       goes on over two lines, as Ren'Py lets it."

    a @ cross "{k=1}Cross{/k}, for this line only.{space=12}[media_stats.name!c] has [media_stats['hp']] points and [media_coins:.2f] coins."

    $ ann_scarf = "red"
    $ media_coins += 10
    show petals
    a "Calm again.{vspace=8}{#a note for translators}{i}and italic to the end"
    hide petals with dissolve
    show white_flash with Dissolve(.2):
        Solid("#FFF")
    with Pause(0.1)
    hide white_flash with Dissolve(.2)

    voice "click.ogg"
    $ ann_scarf = "green"
    a -glasses "No glasses now."

    play sound [chime, chime]
    scene harbour 01 with dissolve
    show uni small at truecenter

    élodie "Un café [café!u], s'il vous plaît."

    hide uni onlayer master at right
    show uni pair at truecenter
    stop music fadeout 1.0

    $ tour_end = __("That was the media tour.")
    "[tour_end]"

    return
