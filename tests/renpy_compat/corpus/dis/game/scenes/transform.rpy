transform bg:
    xalign 0.5 yalign 0.5
    zoom 0.5
