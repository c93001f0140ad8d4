# The scene image's own transforms, the way Ren'Py writers write them: a transform of the
# game's own after `scene ... at` (as the corpus game dis writes `scene bg kitchen at bg`),
# a "Ken Burns" pan in an ATL block after `scene`, with sprites over it, and a built-in
# position. tests/renpy_compat/test_scenery.py plays it.

image bg field = "field.png"  # a gradient: where each part of it lands shows

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

    return
