# Control flow as Ren'Py writers write it (Labels & Control Flow, In-Game Menus): init
# blocks, labels nested in a block and without one, local labels, labels with parameters,
# return values, jump and call expression, menu arguments and set menus.
# tests/renpy_compat/test_flow.py plays it from flow_tour.

init:
    define g = Character("Guide", color="#d0e0ff")
    $ lessons = 0

init -1:
    default asked = []
    default next_stop = "flow_tour.finale"


label flow_tour:
    $ save_name = "A tour of the control flow"

    g "Welcome. Text can show \[brackets\] and \{braces} as they are."

    call lesson("labels") from _call_lesson
    g "That was lesson [_return]."

    call lesson("menus", mood="cheerful")
    g "And that was lesson [_return]."

    jump .questions


label .questions:
    $ save_name = "Questions"

    menu (screen="choice"):
        set asked
        g "Ask me something."

        "How do labels work?" (tooltip="labels"):
            g "A label can sit inside a block."
            label .inner:
                $ save_name = "Inside a block"
                g "This line is under a nested label."
            jump flow_tour.questions

        "What is a set menu?":
            g "Each question goes away once asked."
            jump flow_tour.questions

    g "No more questions: you asked them all."
    label .after_questions:
    $ save_name = "Past an empty label"
    with Dissolve(0.5, alpha=True)
    call expression "flow_tour.aside" pass ("an aside") from _call_aside
    jump expression next_stop


label .aside(what):
    $ save_name = "An aside"
    g "This is [what], reached by call expression."
    return


label .finale:
    $ save_name = "The end of the tour"
    g "[lessons] lessons later, the tour ends."
    return


label lesson(topic, mood="calm"):
    $ save_name = "A lesson"
    $ lessons += 1
    g "A [mood] lesson about [topic]."
    return lessons
