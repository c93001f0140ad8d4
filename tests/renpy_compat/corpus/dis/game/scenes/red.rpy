label red_branch:
    nvl clear
    "Even though that room is frightening me, i still must know the truth.{w} I must return back there."
    "As i open the door again, my field of vision is filled with red again."
    "..."
    scene bg room blur at bg
    with dissolve
    nvl clear
    "Red.{w} Now i have no doubts what it means.{w} The colour of blood spilled all over the room."
    "Now i'm not as frightened and bewildered as i was just a few minutes ago in this very room.{w} Now i'm here to face the reality, not run away from it."
    scene bg room at bg
    with dissolve
    "I look around the room and soon i find something i was ignoring and avoiding looking at before.{w} The body.{w} Unmistakably dead body."
    "Ugh.."
    "Yes, i should've been prepared to see death in here, but that body is so brutalized that i look away."
    "After making few deep breathes, i head towards the body."
    "Bloodshed.{w} Meaningless, absurd bloodshed.{w} I can't think of a reason to make something as terrible.{w} If something can explain this, it's madness."
    nvl clear
    "For a few minutes i stay near the body looking at it.{w} There is no face: it's squashed into homogeneous bloody mass.{w} Near lies probable weapon: old and rusty one kilogram weight."
    "Long blond hair is splattered with blood and several strands of it are teared out.{w} There's a bloody fork lying among them and soon i find its traces on naked neck."
    "I look further down.{w} Chest is split apart with a meat cutting hatchet which seems to be stuck half-through.{w} Clothes around it are soaked with crimson blood."
    "Briefly glancing to the abdomen, i look away again.{w} Even though i seem to be able to examine this brutalized body like this, it still shocks me.{w} Perhaps, it's not a good idea to spend much time looking."
    nvl clear
    "I start inspecting blood stains instead.{w} They are all over the room.{w} Well, that's not surprising since killer seem to be crazy maniac who wanted to spill as much blood as possible.{w} But i also learn that victim was initially hit near the door and then, dripping blood, tried to flee towards the bed."
    "And then this maniac finally knocked victim down to the floor and started killing using all those objects.{w} It's like the whole purpose of this was to use as much tools as possible in peculiar ways.{w} Yet again i think one made this was absolutely crazy."
    nvl clear
    "Suddenly something on the shelf near the bed piques my interest.{w} I walk towards it and take this something, which happens to be a photograph in a simple frame."
    "There are two smiling girls in their early twenties or something.{w} One has straight black hair, tanned skin and dark eyes.{w} She smiles somewhat hesitantly.{w} The second has somewhat curly blond hair, blue eyes and pale skin.{w} Judging by situation it seems reasonable to assume that the blond is the victim of this horrible crime."
    "Looking at her gentle smile makes me feel depressed.{w} I almost cry out."
    "It's just a photograph, i tell myself."
    "But somehow all my rationality i had while examining the body, fades away."
    "..."
    nvl clear
    scene bg room blur at bg
    with dissolve
    "Red.{w} Yet again this colour is oppressing me in this small room."
    "Red.{w} Magnifying colour of blood from which no one can't expect.{w} At least, not me."
    "My vision becomes blurry and unstable.{w} I give up to my emotions."
    "This room, this incident, this blood.{w} All of it is much stronger than me."
    "And so i stop trying to defend myself from this cruel world.{w} I give in to red."
    nvl clear
    scene red
    with dissolve
    ":: red ending ::"
    return
