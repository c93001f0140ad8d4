label credits:
    play music "music/12. end of night.flac"
    "dis: interactive story by caryoscelus"
    "distributed under CC-BY-SA license"
    "made for ludum dare 32"
    ".."
    "using Ren'Py engine by renpytom and contributors"
    ".."
    "thanks for playing!"
    ".."
    nvl clear
    "the following sounds were used:"
    "{a=http://freesound.org/people/CGEffex/sounds/85670/}HeartBeat.mp3 by CGEffex{/a}"
    "{a=http://freesound.org/people/dobroide/sounds/24092/}20061021.just.shower.flac by dobroide{/a}"
    "{a=http://freesound.org/people/ainayave/sounds/169906/}Ambient City by ainayave{/a}"
    ".."
    "ending theme wasn't made specifically for this game, but it's still by me.."
    ".."
    return
