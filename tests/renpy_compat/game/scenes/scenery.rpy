# The scene image's own transforms, the way Ren'Py writers write them: a transform of the
# game's own after `scene ... at` (as the corpus game dis writes `scene bg kitchen at bg`),
# a "Ken Burns" pan in an ATL block after `scene`, with sprites over it, a built-in
# position, and a background chosen by a variable (a ConditionSwitch).
# tests/renpy_compat/test_scenery.py plays it.

image bg field = "field.png"  # a gradient: where each part of it lands shows

default time_of_day = "day"

image bg street = ConditionSwitch(
    "time_of_day == 'night'", "street_night.png",
    "True", "street_day.png")

transform bg:
    xalign 0.5 yalign 0.5
    zoom 1.5

transform slowpan:
    xalign 0.0
    linear 3.0 xalign 1.0

label scenery_tour:
    $ save_name = "Scenery"

    scene bg field
    "The field, as it is."

    scene bg field at bg with dissolve
    "The field, half as large again about its middle."

    scene bg field:
        zoom 1.3
        slowpan
    show eileen happy at left
    show lucy mad at right
    with dissolve
    "The camera drifts across the field behind them."

    scene bg field at truecenter
    "The field at the middle of the screen: as it is."

    scene bg street with dissolve
    "The street by day."

    $ time_of_day = "night"
    "The same street at night."

    return
