# Ren'Py's Python statements as writers use them for plain data: `$` lines, python and init
# python blocks of assignments, renpy.* calls (renpy.input inside a value), methods of lists
# and dicts, str.format, //= %= **=, comprehensions and Character() options ignored.
# tests/renpy_compat/test_code.py plays it (python -m engine play-text --warp code_tour).

define guide = Character("Guide", color="#a0d8ff", what_size=26, who_outlines=[(2, "#000000")], ctc="ctc_blink", callback=speaking("guide"))

init python:
    coins = 10
    shop = {"tea": 3, "cake": 5}
    config.has_autosave = True

default inventory = []
default visited = {}

label code_tour:
    $ save_name = "The code tour"

    $ traveller = renpy.input("What is your name?", default="  Sam  ", length=12).strip()
    guide "Welcome, [traveller]."

    python:
        coins += 5
        bought = [item for item in sorted(shop) if shop[item] <= coins]
        if "cake" in bought:
            visited["shop"] = True
        else:
            visited["shop"] = False

    $ inventory.append("map")
    $ inventory.extend(["lamp", "rope"])
    $ inventory.remove("rope")
    $ visited["count"] = visited.get("count", 0) + 1
    $ store.mood = "curious"
    $ first, second = inventory[0], inventory[-1]
    $ first, second = second, first

    $ cheapest, dearest = bought[0], bought[-1]
    guide "You have [coins] coins and can buy [cheapest] or [dearest]."
    guide "In your bag: [first] and [second]; you feel [mood]."

    if visited.get("shop") and len(inventory) == 2 and "map" in inventory:
        $ prices = ", ".join(["%s %d" % (k, v) for k, v in shop.items()])
        guide "The shop is open. Prices: [prices]."

    $ roll = renpy.random.randint(1, 6)
    if 1 <= roll <= 6:
        guide "The die rolls, and shows a number from one to six."

    $ renpy.sound.play("click.ogg")
    $ renpy.notify("Your bag is packed.")
    $ renpy.pause(0.5)
    $ renpy.restart_interaction()
    $ total = sum([shop[k] for k in shop]) + max(1, abs(-2))
    $ renpy.say(guide, "Everything in the shop costs [total] coins, give or take.")

    $ nickname = renpy.input("A nickname?", length=12).strip() or traveller
    $ greeting = "{} ({}) has {:>3} coins".format(traveller, nickname.title(), coins)
    $ share = coins
    $ share //= 4
    $ left = coins
    $ left %= 4
    $ squared = share
    $ squared **= 2
    guide "[greeting]: [share] each, [left] left over, [squared] squared."
    return
