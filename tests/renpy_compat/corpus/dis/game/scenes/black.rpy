label black_branch:
    nvl clear
    "I am tired. I don't want to go anywhere. I sit on the floor and make myself comfortable."
    "..."
    scene black
    nvl clear
    "Black. Colour of nothingness, emptiness. Colour of death? No, that's not it. Death is only a process of dying and thus have other colours.."
    "Black. Colour of calmness."
    "I still can feel myself sitting on corridor floor, but as minutes pass that feeling becomes more and more transparent."
    "Soon there's nothing but black. Perhaps i closed my eyes at some moment, but does it matter now? I don't even feel eyes as long as i don't think about them."
    "And who's that \"i\" thinking here? No answer emerges in the darkness and weird question slowly fades away."
    "It's good to feel nothing. To feel completely black."
    nvl clear
    scene black
    ":: black end ::"
    return
