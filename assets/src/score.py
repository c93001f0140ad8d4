"""The score of The Road Out, written as code: every cue is a list of parts of notes.

Two leitmotifs run through the cues:

- ``MOTIF_S`` (Sakura and Sasuke), in A minor: a rising minor sixth E-C that falls back by
  step, then a sigh down to G. It is the night road, the confession, the leaving, the dawn.
- ``MOTIF_N`` (Naruto and Hinata), in F major: a rising pentatonic line C-D-F-G-A that turns
  back down. It is the hospital's warmth and the ending where someone wants him.

Melodies are written as text, ``"E4/1 C5/2 B4/1 | A4/1.5 r/.5"``: a note name and octave (or
``r`` for a rest), a slash and its length in beats; ``|`` marks bars for the reader only.
Chords are symbols (``Am``, ``Fmaj7``, ``C/E``, ``Esus4``, ``Dm7``, ``Bb``). ``make_music.py``
turns a :class:`Cue` into MIDI, renders it and encodes it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

PC = {"C": 0, "D": 2, "E": 4, "F": 5, "G": 7, "A": 9, "B": 11}
QUALITY = {
    "": (0, 4, 7), "m": (0, 3, 7), "7": (0, 4, 7, 10), "maj7": (0, 4, 7, 11),
    "m7": (0, 3, 7, 10), "sus4": (0, 5, 7), "sus2": (0, 2, 7), "add9": (0, 4, 7, 14),
    "madd9": (0, 3, 7, 14), "dim": (0, 3, 6), "m6": (0, 3, 7, 9), "6": (0, 4, 7, 9),
}

MOTIF_S = "E4/1 C5/2 B4/1 | A4/1.5 B4/.5 G4/2"
MOTIF_N = "C5/.5 D5/.5 F5/1 G5/1 A5/1 | G5/1.5 F5/.5 D5/2"

# General MIDI programs (0-based) used by the score.
PIANO, HARP, CELESTA, STRINGS, SLOW_STRINGS, PIZZ = 0, 46, 8, 48, 49, 45
CELLO, CONTRABASS, VIOLIN, FLUTE, OBOE, SHAKUHACHI = 42, 43, 40, 73, 68, 77
CHOIR, PAD_WARM, PAD_HALO, PAD_NEWAGE, HORN, TIMPANI = 52, 89, 94, 88, 60, 47


def note_number(name: str) -> int:
    """``"C#5"`` -> 73 (middle C is C4 = 60)."""
    pc = PC[name[0].upper()]
    rest = name[1:]
    while rest and rest[0] in "#b":
        pc += 1 if rest[0] == "#" else -1
        rest = rest[1:]
    return 12 * (int(rest) + 1) + pc


def chord(symbol: str) -> tuple[int, list[int]]:
    """A chord symbol -> (bass pitch class, pitch classes from the root)."""
    main, _, over = symbol.partition("/")
    n = 2 if len(main) > 1 and main[1] in "#b" else 1
    root = note_number(main[:n] + "0") % 12
    pcs = [(root + i) % 12 for i in QUALITY[main[n:]]]
    bass = note_number(over + "0") % 12 if over else root
    return bass, pcs


def place_pc(pc: int, low: int) -> int:
    """The lowest pitch of class ``pc`` at or above ``low``."""
    return low + (pc - low) % 12


@dataclass
class Note:
    beat: float
    dur: float
    pitch: int
    vel: int


@dataclass
class Part:
    """One instrument on its own MIDI channel."""

    name: str
    program: int
    volume: int = 100
    pan: int = 64
    reverb: int = 60
    notes: list[Note] = field(default_factory=list)
    # CC11 (expression) breakpoints (beat, value), interpolated linearly, wrapping round.
    expression: list[tuple[float, int]] = field(default_factory=list)

    def add(self, notes: list[Note]) -> Part:
        self.notes.extend(notes)
        return self


@dataclass
class Cue:
    name: str
    title: str
    scene: str
    key: str
    tempo: float
    bars: int
    parts: list[Part]
    beats_per_bar: int = 4

    @property
    def beats(self) -> int:
        return self.bars * self.beats_per_bar

    @property
    def seconds(self) -> float:
        return self.beats * 60.0 / self.tempo

    @property
    def instruments(self) -> list[str]:
        return [p.name for p in self.parts]


def seq(text: str, start: float = 0.0, vel: int = 80, shift: int = 0,
        accent: int = 8) -> list[Note]:
    """Notes from melody text, from beat ``start``; notes on a beat get ``accent`` more."""
    out: list[Note] = []
    t = start
    for tok in text.replace("|", " ").split():
        name, _, length = tok.partition("/")
        dur = float(length)
        if name != "r":
            v = vel + (accent if abs(t - round(t)) < 1e-6 else 0)
            out.append(Note(t, dur, note_number(name) + shift, max(1, min(127, v))))
        t += dur
    return out


def length(text: str) -> float:
    """The length of melody text in beats."""
    return sum(float(tok.partition("/")[2]) for tok in text.replace("|", " ").split())


def pad(chords: list[str], low: int = 55, vel: int = 60, bar: int = 4,
        start: float = 0.0) -> list[Note]:
    """Held chords, one a bar, close-voiced from ``low``."""
    out: list[Note] = []
    for i, sym in enumerate(chords):
        if sym == "-":
            continue
        _, pcs = chord(sym)
        for pc in pcs:
            out.append(Note(start + i * bar, bar, place_pc(pc, low), vel))
    return out


def bass(chords: list[str], low: int = 36, vel: int = 70, bar: int = 4,
         rhythm: tuple[float, ...] = (4,), start: float = 0.0, fifth: bool = False) -> list[Note]:
    """The chords' bass notes; with ``fifth`` every other note of the rhythm is the fifth."""
    out: list[Note] = []
    for i, sym in enumerate(chords):
        if sym == "-":
            continue
        b, pcs = chord(sym)
        t = start + i * bar
        for j, d in enumerate(rhythm):
            p = place_pc(b, low)
            if fifth and j % 2 == 1:
                p = place_pc(pcs[0] + 7, low)
            out.append(Note(t, d, p, vel - (6 if j else 0)))
            t += d
    return out


def arp(chords: list[str], pattern: tuple[int, ...] = (0, 1, 2, 3, 2, 1, 2, 3),
        step: float = 0.5, low: int = 48, vel: int = 62, bar: int = 4, start: float = 0.0,
        hold: float = 1.5) -> list[Note]:
    """Broken chords: index 0 is the bass, 1.. the chord tones rising from ``low + 7``."""
    out: list[Note] = []
    for i, sym in enumerate(chords):
        if sym == "-":
            continue
        b, pcs = chord(sym)
        tones = [place_pc(b, low)]
        p = tones[0] + 7
        ordered = sorted(pcs, key=lambda pc: (pc - p) % 12)
        for k in range(6):
            tones.append(place_pc(ordered[k % len(ordered)], tones[-1] + 1))
        n = int(round(bar / step))
        for j in range(n):
            idx = pattern[j % len(pattern)]
            v = vel + (6 if j == 0 else 0) - (4 if j % 2 else 0)
            out.append(Note(start + i * bar + j * step, step * hold, tones[idx], v))
    return out


# ---------------------------------------------------------------------------------------------
# The cues.

def title() -> Cue:
    """Title theme: the road's motif on the flute over piano, then Naruto's motif on strings."""
    ch = ["Am", "F", "C", "G", "Am", "F", "Dm", "E", "Am", "F", "C", "G",
          "F", "C", "Dm", "Gsus4", "F", "G", "Esus4", "E"]
    mel = (
        "r/4 | r/4 | r/4 | r/4 | "
        + MOTIF_S + " | E4/1 C5/2 B4/1 | A4/1 B4/1 G#4/2 | "
        + "E4/1 C5/2 B4/1 | A4/1 E5/2 D5/1 | C5/1.5 B4/.5 A4/1 G4/1 | A4/4 | "
        + "r/4 | r/4 | r/4 | r/4 | "
        + "r/4 | r/4 | r/4 | r/4"
    )
    strings_mel = (
        "r/4 " * 12
        + "| C5/.5 D5/.5 F5/1 G5/1 A5/1 | G5/1.5 E5/.5 C5/2 | D5/1 F5/1 A5/1.5 G5/.5 | D5/4 | "
        + "C5/1 A4/1 F4/2 | D5/1 B4/1 G4/2 | B4/2 G#4/2 | B4/4"
    )
    return Cue(
        "title", "Title theme", "the title screen", "A minor (Naruto's motif in C major)", 76, 20,
        [
            Part("piano", PIANO, 92, 54, 50).add(arp(ch, vel=58)),
            Part("flute", FLUTE, 98, 72, 70).add(seq(mel, vel=78)),
            Part("violins", STRINGS, 92, 80, 80).add(seq(strings_mel, vel=74)),
            Part("strings pad", SLOW_STRINGS, 78, 40, 90).add(pad(ch, low=52, vel=56)),
            Part("cello", CELLO, 86, 50, 60).add(bass(ch, low=36, vel=66, rhythm=(2, 2))),
        ],
    )


def night_road() -> Cue:
    """Quiet and uneasy: a drone on A with a flat second, fragments of the motif on shakuhachi."""
    ch = ["Am", "Bb/A", "Am", "Fmaj7", "Am", "Bb/A", "Dm/A", "Esus4",
          "Am", "Bb/A", "Am", "Fmaj7", "Dm", "Bb", "Esus4", "E"]
    frag = (
        "r/4 | r/4 | E4/1 C5/2.5 r/.5 | B4/3 r/1 | "
        "r/4 | r/4 | E4/1 C5/2 B4/1 | A4/1.5 Bb4/.5 G#4/2 | "
        "r/4 | r/4 | r/2 A4/1 C5/1 | B4/2 A4/1 G4/1 | "
        "F4/2 E4/2 | D4/2 F4/1 E4/1 | E4/4 | r/4"
    )
    harp = ["E5/2 A5/2", "D5/2 F5/2", "C5/2 E5/2", "E5/2 A5/2"]
    harp_notes: list[Note] = []
    for i, b in enumerate((1, 5, 9, 13)):
        harp_notes += seq(harp[i].replace("/2", "/1") + " r/2", start=b * 4 + 2, vel=46)
    return Cue(
        "night_road", "The road out", "the night road (part one, before the choices)",
        "A minor (Phrygian colour)", 60, 16,
        [
            Part("halo pad", PAD_HALO, 100, 64, 100,
                 expression=[(0, 80), (16, 110), (32, 80), (48, 110), (64, 80)]
                 ).add(pad(ch, low=57, vel=52)),
            Part("slow strings", SLOW_STRINGS, 96, 44, 90).add(
                bass(ch, low=45, vel=60, rhythm=(4,))),
            Part("contrabass", CONTRABASS, 80, 64, 50).add(bass(["A"] * 16, low=28, vel=56)),
            Part("shakuhachi", SHAKUHACHI, 86, 78, 90).add(seq(frag, vel=66)),
            Part("harp", HARP, 70, 90, 90).add(harp_notes),
        ],
    )


def confession() -> Cue:
    """The climax: the first bars are the swell, the road's motif in full strings."""
    ch = ["F", "G", "Em", "Am", "F", "G", "C", "E",
          "Am", "F", "C", "G", "Am", "F", "Dm", "E",
          "F", "G", "Esus4", "E"]
    mel = (
        "E5/1 C6/2 B5/1 | A5/1.5 B5/.5 G5/2 | E5/1 C6/2 B5/1 | A5/1 E6/2 D6/1 | "
        "C6/1.5 B5/.5 A5/1 G5/1 | A5/1 B5/1 D6/2 | C6/2 B5/1 A5/1 | G#5/4 | "
        "r/4 | r/4 | r/4 | r/4 | r/4 | r/4 | r/4 | r/4 | "
        "C5/2 D5/2 | E5/1 F5/1 G5/2 | A5/2 B5/2 | B5/3 D5/1"
    )
    piano_mel = "r/4 " * 8 + "| " + MOTIF_S + " | E4/1 C5/2 B4/1 | A4/1 F4/1 E4/2 | " + (
        MOTIF_S.replace("G4/2", "A4/2") + " | F4/1 A4/1 D5/2 | B4/4")
    # The loop's last bars climb back into the swell, so the seam is the climax itself.
    expr = [(0, 112), (6, 127), (32, 127), (36, 88), (64, 84), (68, 96), (80, 112)]
    return Cue(
        "confession", "I love you so much", 'the confession ("I love you so much!")',
        "A minor", 72, 20,
        [
            Part("violins", STRINGS, 104, 70, 80, expression=expr).add(
                seq(mel, vel=92) + seq(mel, vel=80, shift=-12)),
            Part("strings", SLOW_STRINGS, 92, 50, 90, expression=expr).add(
                pad(ch, low=53, vel=72)),
            Part("piano", PIANO, 100, 60, 60).add(
                arp(ch, vel=64, pattern=(0, 1, 2, 3, 4, 3, 2, 1)) + seq(piano_mel, vel=80)),
            Part("horn", HORN, 70, 56, 70, expression=expr).add(
                pad(ch[:8], low=53, vel=58)[::3]),
            Part("cello and bass", CELLO, 96, 56, 60, expression=expr).add(
                bass(ch, low=36, vel=78, rhythm=(3, 1))),
            Part("timpani", TIMPANI, 80, 64, 50).add(
                seq("A2/1 r/3 | r/4 | r/4 | A2/1 r/3", vel=74)
                + seq("E2/.25 E2/.25 E2/.25 E2/.25 " * 4, start=76, vel=54, accent=0)),
        ],
    )


def leaving() -> Cue:
    """The two walk away together: a walking bass, the motif on the oboe, bittersweet."""
    ch = ["Am", "G", "F", "E", "Am", "G", "F", "C",
          "F", "G", "Em", "Am", "Dm", "G", "C", "E",
          "Am", "G", "F", "C", "Dm", "Am/E", "E", "E7"]
    oboe = (
        "r/4 | r/4 | r/4 | r/4 | "
        + MOTIF_S + " | E4/1 C5/2 B4/1 | A4/1 G4/1 E4/2 | "
        + "A4/1 C5/2 D5/1 | E5/2 D5/1 C5/1 | B4/2 G4/2 | C5/3 B4/1 | "
        + "A4/1 F4/2 A4/1 | D5/2 C5/1 B4/1 | C5/1 E5/2 D5/1 | B4/4 | "
        + "r/4 | r/4 | r/4 | r/4 | r/4 | r/4 | r/4 | r/4"
    )
    flute = "r/4 " * 16 + "| " + (
        "E5/1 C6/2 B5/1 | A5/1.5 B5/.5 G5/2 | A5/1 F5/2 E5/1 | E5/4 | "
        "F5/1 A5/2 G5/1 | E5/2 C5/2 | B4/2 E5/2 | G#5/4")
    return Cue(
        "leaving", "The road, together", "Sasuke's leaving, route 1,1: the two walk away",
        "A minor", 84, 24,
        [
            Part("piano", PIANO, 90, 56, 50).add(
                arp(ch, pattern=(0, 2, 1, 3, 0, 2, 1, 3), vel=58)),
            Part("pizzicato", PIZZ, 84, 40, 50).add(
                bass(ch, low=40, vel=66, rhythm=(1, 1, 1, 1), fifth=True)),
            Part("oboe", OBOE, 94, 80, 70).add(seq(oboe, vel=76)),
            Part("flute", FLUTE, 90, 84, 80).add(seq(flute, vel=74)),
            Part("strings", STRINGS, 80, 64, 90,
                 expression=[(0, 60), (32, 90), (64, 110), (96, 60)]).add(
                pad(ch, low=55, vel=58)),
        ],
    )


def dawn() -> Cue:
    """The dawn at the gate (route 1,2): the road's motif turned to C major on harp and flute."""
    ch = ["C", "G/B", "Am", "F", "C", "Em", "F", "G",
          "Am", "Em", "F", "C", "Dm", "Am", "Fmaj7", "Gsus4", "G", "G"]
    flute = (
        "r/4 | r/4 | "
        "G4/1 E5/2 D5/1 | C5/1.5 D5/.5 A4/2 | G4/1 E5/2 D5/1 | C5/1 G5/2 F5/1 | "
        "E5/1.5 D5/.5 C5/2 | D5/4 | "
        "C5/1 A5/2 G5/1 | E5/2 G5/2 | F5/1 A5/1 C6/1.5 B5/.5 | G5/4 | "
        "F5/1 D5/1 A5/2 | E5/1 C5/1 E5/2 | E5/2 F5/1 E5/1 | D5/4 | r/4 | r/4"
    )
    return Cue(
        "dawn", "Dawn at the gate", "the dawn at the gate, route 1,2 (she wakes on the bench)",
        "C major", 66, 18,
        [
            Part("harp", HARP, 92, 50, 80).add(
                arp(ch, pattern=(0, 1, 2, 3, 4, 3, 2, 1), vel=60, low=48, hold=3)),
            Part("flute", FLUTE, 96, 76, 80).add(seq(flute, vel=74)),
            Part("strings pad", SLOW_STRINGS, 80, 64, 90,
                 expression=[(0, 70), (24, 100), (48, 110), (72, 70)]).add(
                pad(ch, low=52, vel=54)),
            Part("celesta", CELESTA, 64, 90, 90).add(
                seq("r/4 " * 10 + "| E6/2 G6/2 | F6/4 | r/4 | r/4 | A6/2 G6/2 | E6/4", vel=50)),
            Part("cello", CELLO, 82, 44, 60).add(bass(ch, low=36, vel=60)),
        ],
    )


def hospital() -> Cue:
    """A piano piece, grief turning to warmth: the road's motif in D minor, then Naruto's."""
    ch = ["Dm", "Bb", "Gm", "A", "Dm", "Bb", "Gm", "A",
          "F", "C", "Dm", "Bb", "F", "C/E", "Bb", "C", "Gm7", "A7"]
    right = (
        "r/4 | r/4 | "
        "A4/1 F5/2 E5/1 | D5/1.5 E5/.5 C#5/2 | A4/1 F5/2 E5/1 | D5/1 Bb4/1 A4/2 | "
        "r/4 | r/4 | "
        + MOTIF_N + " | A5/1 G5/1 F5/1 C5/1 | D5/2 F5/1 Bb5/1 | "
        "A5/1.5 G5/.5 F5/2 | G5/1 A5/1 C6/2 | Bb5/1 A5/1 G5/1 F5/1 | G5/4 | "
        "F5/2 D5/1 Bb4/1 | C#5/2 E5/2"
    )
    left = arp(ch, pattern=(0, 1, 2, 3, 2, 1, 2, 1), vel=52, low=38, hold=2.5)
    return Cue(
        "hospital", "The room", "the hospital room (part two): grief turning to warmth",
        "D minor to F major", 63, 18,
        [
            Part("piano, left hand", PIANO, 100, 56, 60).add(left),
            Part("piano, right hand", PIANO, 100, 68, 60).add(seq(right, vel=72)),
            Part("strings pad", SLOW_STRINGS, 70, 70, 100,
                 expression=[(0, 40), (32, 60), (36, 100), (64, 100), (72, 40)]).add(
                pad(ch, low=53, vel=50)),
            Part("cello", CELLO, 76, 46, 70,
                 expression=[(0, 50), (32, 70), (40, 100), (72, 50)]).add(
                bass(ch, low=36, vel=54, rhythm=(4,))),
        ],
    )


def ending_together() -> Cue:
    """Ending 'Someone to Want Me': Naruto's motif in full, warm, F major."""
    ch = ["F", "C/E", "Dm", "Bb", "F", "C", "Bb", "C",
          "Dm", "Am", "Bb", "F", "Gm7", "C", "F", "Bb", "Gm", "Csus4", "C", "C7"]
    mel = (
        "r/4 | r/4 | r/4 | r/4 | "
        + MOTIF_N + " | C5/.5 D5/.5 F5/1 G5/1 C6/1 | A5/1.5 G5/.5 F5/2 | "
        "D5/1 F5/1 A5/1.5 G5/.5 | E5/1 C5/1 G5/2 | F5/1 D5/1 Bb5/1.5 A5/.5 | A5/4 | "
        "Bb5/1 A5/1 G5/1 F5/1 | G5/2 E5/2 | F5/4 | D5/2 F5/2 | "
        "G5/3 F5/1 | E5/4 | r/4"
    )
    return Cue(
        "ending_together", "Someone to Want Me", 'ending "Someone to Want Me" (route 1,1,1)',
        "F major", 72, 20,
        [
            Part("piano", PIANO, 92, 54, 60).add(
                arp(ch, pattern=(0, 1, 2, 3, 4, 3, 2, 1), vel=56, low=41)),
            Part("violins", STRINGS, 96, 76, 80,
                 expression=[(0, 70), (16, 100), (48, 124), (64, 100), (80, 70)]).add(
                seq(mel, vel=80)),
            Part("flute", FLUTE, 84, 90, 80).add(seq(mel, vel=60)[12:]),
            Part("strings pad", SLOW_STRINGS, 80, 44, 90,
                 expression=[(0, 70), (48, 110), (80, 70)]).add(pad(ch, low=53, vel=56)),
            Part("cello", CELLO, 88, 50, 60).add(bass(ch, low=36, vel=64, rhythm=(2, 2))),
        ],
    )


def ending_alone() -> Cue:
    """Ending 'Alone': Naruto's motif in D minor, a piano and a cello, very sparse."""
    ch = ["Dm", "Dm/C", "Bb", "A", "Dm", "Gm", "Bb", "A",
          "Gm", "Dm", "Bb", "F", "Gm", "Dm/A", "Bbmaj7", "A"]
    mel = (
        "r/4 | r/4 | "
        "A4/.5 C5/.5 D5/1 E5/1 F5/1 | E5/1.5 D5/.5 A4/2 | "
        "A4/.5 C5/.5 D5/1 E5/1 G5/1 | F5/1.5 E5/.5 C#5/2 | "
        "r/4 | r/4 | "
        "Bb4/2 D5/1 G5/1 | F5/2 E5/1 D5/1 | D5/2 F5/2 | C5/4 | "
        "Bb4/2 G4/2 | A4/4 | D5/2 C#5/2 | r/4"
    )
    cello = "r/4 " * 8 + "| G3/4 | A3/4 | Bb3/2 A3/2 | F3/4 | G3/4 | A3/2 F3/2 | G3/4 | E3/4"
    return Cue(
        "ending_alone", "Alone", 'ending "Alone" (route 1,1,2)', "D minor", 60, 16,
        [
            Part("piano, left hand", PIANO, 100, 56, 70).add(
                arp(ch, pattern=(0, 2, 3, 4, 3, 2, 1, 2), step=0.5, vel=46, low=38, hold=3)),
            Part("piano, right hand", PIANO, 100, 68, 70).add(seq(mel, vel=68)),
            Part("cello", CELLO, 84, 44, 80).add(seq(cello, vel=62)),
            Part("pad", PAD_WARM, 60, 64, 100).add(pad(ch, low=50, vel=40)),
        ],
    )


def ending_thank_you() -> Cue:
    """Ending 'Thank You': the road's motif at dawn, major, the two motifs side by side."""
    ch = ["C", "Am", "F", "G", "C", "Am", "Dm7", "G",
          "F", "C/E", "Dm", "C", "F", "G", "Am", "Fmaj7", "Gsus4", "G"]
    flute = (
        "r/4 | r/4 | "
        "G4/1 E5/2 D5/1 | C5/1.5 D5/.5 B4/2 | G4/1 E5/2 D5/1 | C5/1 A5/2 G5/1 | "
        "F5/1.5 E5/.5 D5/2 | D5/4 | "
        "C5/.5 D5/.5 F5/1 G5/1 A5/1 | G5/1.5 E5/.5 C5/2 | D5/1 F5/1 A5/2 | G5/4 | "
        "A5/1 G5/1 F5/1 E5/1 | D5/2 G5/2 | E5/1 C5/1 E5/2 | E5/4 | D5/4 | r/4"
    )
    return Cue(
        "ending_thank_you", "Thank You", 'ending "Thank You" (route 1,2)', "C major", 70, 18,
        [
            Part("piano", PIANO, 90, 56, 70).add(
                arp(ch, pattern=(0, 1, 2, 3, 2, 1, 2, 3), vel=54, low=43)),
            Part("flute", FLUTE, 96, 76, 80).add(seq(flute, vel=74)),
            Part("harp", HARP, 76, 90, 80).add(
                arp(ch, pattern=(3, 4, 5, 4), step=1, vel=44, low=55, hold=2)),
            Part("strings pad", SLOW_STRINGS, 80, 44, 90,
                 expression=[(0, 70), (32, 110), (56, 110), (72, 70)]).add(
                pad(ch, low=52, vel=54)),
            Part("cello", CELLO, 80, 50, 60).add(bass(ch, low=36, vel=60)),
        ],
    )


def ending_go_home() -> Cue:
    """Ending 'Go Home and Sleep': the night road again, the motif ending on a major chord."""
    ch = ["Am", "F", "Am", "F", "Dm", "Am", "Bb", "Esus4",
          "Am", "F", "C", "G", "F", "Dm", "Esus4", "E"]
    mel = (
        "r/4 | r/4 | "
        + MOTIF_S + " | r/4 | r/4 | "
        "E4/1 C5/2 B4/1 | A4/1 F4/1 E4/2 | "
        "A4/1 C5/1 E5/2 | D5/1.5 C5/.5 A4/2 | G4/1 C5/2 B4/1 | C5/1 D5/1 B4/2 | "
        "A4/2 F4/2 | A4/4 | G#4/4"
    )
    return Cue(
        "ending_go_home", "Go Home and Sleep", 'ending "Go Home and Sleep" (route 2)',
        "A minor", 60, 16,
        [
            Part("shakuhachi", SHAKUHACHI, 84, 74, 90).add(seq(mel, vel=66)),
            Part("piano", PIANO, 104, 54, 80).add(
                arp(ch, pattern=(0, 1, 2, 3), step=1, vel=60, low=40, hold=3)),
            Part("new age pad", PAD_NEWAGE, 90, 64, 100).add(pad(ch, low=52, vel=58)),
            Part("slow strings", SLOW_STRINGS, 96, 44, 90,
                 expression=[(0, 60), (24, 90), (48, 110), (64, 60)]).add(
                bass(ch, low=45, vel=50)),
        ],
    )


CUES = {
    f.__name__: f
    for f in (title, night_road, confession, leaving, dawn, hospital,
              ending_together, ending_alone, ending_thank_you, ending_go_home)
}


def build(name: str) -> Cue:
    """The cue called ``name``."""
    return CUES[name]()
