"""Music, ambience and sound through pygame.mixer. With no audio device every call is a
quiet no-op: sound is never a reason for the game to stop.

Three channels, each with its own volume: music (streamed by pygame.mixer.music, a
playlist that loops), ambience (mixer channel 1: decoded sounds, looping, gapless through
the channel's queue) and sound effects (mixer channel 0, once). `now` is what the story's
two looping channels play, as last played, so a load or a rollback plays only what changed.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pygame

from engine.stage import audio_path, unusable_reason

log = logging.getLogger("roadout.audio")


LOOPING = ("music", "ambient")
LONG_SOUND_S = 5.0  # a sound this long is a loop, not a click or a chime


class Audio:
    """A music channel with a playlist (fade in/out, loop, queue), an ambient channel with
    its own looping playlist, and a sound channel."""

    def __init__(self, game_dir: Path, music_volume: float = 0.7,
                 sound_volume: float = 0.8, ambient_volume: float = 0.7) -> None:
        self.game_dir = game_dir
        self.enabled = False
        self.music_volume = music_volume
        self.sound_volume = sound_volume
        self.ambient_volume = ambient_volume
        self.playlist: list[Path] = []
        self.loop = False
        self.end_event = pygame.event.custom_type()
        self.ambient_end_event = pygame.event.custom_type()
        self.ambient = Ambience(self)
        # Told the name (below assets/, e.g. "music/title.ogg") of each track that starts.
        self.on_track: Callable[[str], None] | None = None
        self.now: dict[str, dict[str, Any] | None] = {"music": None, "ambient": None}
        self._sounds: dict[Path, pygame.mixer.Sound] = {}
        self._sound_channel: pygame.mixer.Channel | None = None
        self._warned: set[str] = set()
        self._pending_fadein: float | None = None
        self._drop_current_on_end = False
        try:
            # A 2048-sample buffer (46 ms) wakes the mixer thread a quarter as often as
            # SDL's default; nothing here needs tighter audio latency than that.
            pygame.mixer.init(buffer=2048)
            pygame.mixer.music.set_endevent(self.end_event)
            pygame.mixer.music.set_volume(music_volume)
            pygame.mixer.set_reserved(2)
            self._sound_channel = pygame.mixer.Channel(0)
            self.ambient.channel = pygame.mixer.Channel(1)
            self.ambient.channel.set_endevent(self.ambient_end_event)
            self.enabled = True
        except pygame.error as exc:
            log.warning("no audio device (%s): playing silently", exc)

    def _warn(self, message: str) -> None:
        if message not in self._warned:
            self._warned.add(message)
            log.warning("%s", message)

    def _existing(self, files: tuple[str, ...] | list[str]) -> list[Path]:
        out = []
        for f in files:
            p = audio_path(self.game_dir, f)
            problem = unusable_reason(self.game_dir, p)
            if problem is None:
                out.append(p)
            else:
                self._warn(f"audio file '{f}' not played: {problem} (looked for {p})")
        return out

    def set_volumes(self, music: float, sound: float, ambient: float | None = None) -> None:
        self.music_volume, self.sound_volume = music, sound
        if ambient is not None:
            self.ambient_volume = ambient
        if self.enabled:
            pygame.mixer.music.set_volume(music)
            self.ambient.set_volume(self.ambient_volume)

    def asset_name(self, path: Path) -> str:
        """A file's name below the game's assets/ ("music/title.ogg"), else its own name."""
        try:
            return path.relative_to(self.game_dir / "assets").as_posix()
        except ValueError:
            return path.name

    def current_music(self) -> str | None:
        """The music track playing now (its name below assets/), or None."""
        if not self.enabled or not self.playlist or not pygame.mixer.music.get_busy():
            return None
        return self.asset_name(self.playlist[0])

    def keep_playing(self, file: str, fadein: float = 0.0, fadeout: float = 0.0) -> None:
        """Music `file`, looping, unless it is the track playing already."""
        if self.current_music() != self.asset_name(audio_path(self.game_dir, file)):
            self.play_music([file], loop=True, fadein=fadein, fadeout=fadeout)

    def load_sound(self, path: Path) -> pygame.mixer.Sound:
        """A decoded sound, kept for next time. Long ones (ambience: 4 MB a 24 s loop) are
        kept two at most, the latest: a playlist of two, not every scene's room tone."""
        sound = self._sounds.pop(path, None)
        if sound is None:
            sound = pygame.mixer.Sound(str(path))
        self._sounds[path] = sound  # the newest last
        long = [p for p, s in self._sounds.items() if s.get_length() > LONG_SOUND_S]
        for old in long[:-2]:
            del self._sounds[old]
        return sound

    def play_music(self, files: tuple[str, ...] | list[str], loop: bool = True,
                   fadein: float = 0.0, fadeout: float = 0.0) -> None:
        if not self.enabled:
            return
        self.playlist, self.loop = self._existing(files), loop
        if fadeout > 0 and pygame.mixer.music.get_busy():
            # Ren'Py fades the old track out, then starts the new one: the end event of
            # the faded track starts the playlist.
            self._pending_fadein = fadein
            pygame.mixer.music.fadeout(round(fadeout * 1000))
            return
        self._pending_fadein = None
        self._start(fadein)

    def _start(self, fadein: float = 0.0) -> None:
        if not self.playlist:
            return
        first = self.playlist[0]
        try:
            # SDL_mixer frees the old track on load, and waits for a fade-out in progress
            # to finish first: up to half a second with the game frozen. Halt it instead.
            pygame.mixer.music.stop()
            pygame.mixer.music.load(str(first))
            # Always once: looping goes through the end event, so a queue can follow.
            pygame.mixer.music.play(loops=0, fade_ms=round(fadein * 1000))
        except pygame.error as exc:
            self._warn(f"cannot play '{first.name}': {exc}")
            return
        if self.on_track is not None:
            self.on_track(self.asset_name(first))

    def queue_music(self, files: tuple[str, ...] | list[str], loop: bool = True) -> None:
        if not self.enabled:
            return
        paths = self._existing(files)
        if not pygame.mixer.music.get_busy() or not self.playlist:
            self.playlist, self.loop = paths, loop
            self._start()
            return
        # The current track finishes, then the queue plays.
        self.playlist = [self.playlist[0], *paths]
        self.loop = loop
        self._drop_current_on_end = True

    def on_music_end(self) -> None:
        """The music end event: move on through the playlist."""
        if not self.enabled or not self.playlist or pygame.mixer.music.get_busy():
            return
        if self._pending_fadein is not None:
            fadein, self._pending_fadein = self._pending_fadein, None
            self._start(fadein)
            return
        finished = self.playlist.pop(0)
        if self.loop and not self._drop_current_on_end:
            self.playlist.append(finished)
        self._drop_current_on_end = False
        self._start()

    def stop_music(self, fadeout: float = 0.0) -> None:
        self.playlist = []
        if not self.enabled:
            return
        if fadeout > 0:
            pygame.mixer.music.fadeout(round(fadeout * 1000))
        else:
            pygame.mixer.music.stop()

    def play_sound(self, files: tuple[str, ...] | list[str], volume: float = 1.0) -> None:
        if not self.enabled or self._sound_channel is None:
            return
        for path in self._existing(files)[:1]:
            try:
                sound = self.load_sound(path)
                sound.set_volume(self.sound_volume * volume)
                self._sound_channel.play(sound)
            except pygame.error as exc:
                self._warn(f"cannot play '{path.name}': {exc}")

    def ui_sound(self, name: str, volume: float = 0.5) -> None:
        """A quiet interface sound (assets/audio/NAME.ogg), silently absent when missing."""
        if not self.enabled:
            return
        path = audio_path(self.game_dir, f"{name}.ogg")
        if path.is_file():
            try:
                sound = self.load_sound(path)
                sound.set_volume(self.sound_volume * volume)
                sound.play()
            except pygame.error:
                pass

    def stop_sound(self, fadeout: float = 0.0) -> None:
        if self.enabled and self._sound_channel is not None:
            if fadeout > 0:
                self._sound_channel.fadeout(round(fadeout * 1000))
            else:
                self._sound_channel.stop()

    def handle(self, action: str, channel: str, files: tuple[str, ...], fadein: float,
               fadeout: float, loop: bool) -> None:
        if channel == "music":
            if action == "play":
                self.play_music(files, loop, fadein, fadeout)
            elif action == "queue":
                self.queue_music(files, loop)
            else:
                self.stop_music(fadeout)
        elif channel == "ambient":
            if action == "play":
                self.ambient.play(files, loop, fadein, fadeout)
            elif action == "queue":
                self.ambient.queue(files, loop)
            else:
                self.ambient.stop(fadeout)
        else:
            if action in ("play", "queue"):
                self.play_sound(files)
            else:
                self.stop_sound(fadeout)

    def played(self, stage: dict[str, Any]) -> None:
        """The story's looping channels as the audio now plays them."""
        self.now = {ch: copy.deepcopy(stage.get(ch)) for ch in LOOPING}

    def sync(self, stage: dict[str, Any], fade: float = 0.3) -> None:
        """Play what the stage says should be playing (after a load or a rollback): each
        looping channel that differs starts its files again, or fades out."""
        for channel in LOOPING:
            want = stage.get(channel)
            if want == self.now[channel]:
                continue
            files = want.get("files") if isinstance(want, dict) else None
            loop = bool(want.get("loop", True)) if isinstance(want, dict) else True
            if channel == "music":
                if files:
                    self.play_music(files, loop)
                else:
                    self.stop_music(fade)
            elif files:
                self.ambient.play(files, loop)
            else:
                self.ambient.stop(fade)
            self.now[channel] = copy.deepcopy(want)

    def stop_all(self, fade: float = 0.0) -> None:
        """Music, ambience and sound stop (fading out over `fade` seconds)."""
        self.stop_music(fade)
        self.ambient.stop(fade)
        self.stop_sound()
        self.now = {"music": None, "ambient": None}

    def quit(self) -> None:
        if self.enabled:
            pygame.mixer.quit()
            self.enabled = False


class Ambience:
    """The ambient channel: a playlist of decoded sounds on mixer channel 1. The next file
    waits in the channel's queue, so a loop (the same file again) has no gap; the channel's
    end event, when the queued file has started, queues the one after it."""

    def __init__(self, audio: Audio) -> None:
        self.audio = audio
        self.channel: pygame.mixer.Channel | None = None
        self.playlist: list[Path] = []  # the file playing first
        self.loop = True
        self._pending_fadein: float | None = None
        self._drop_current = False
        self._silence: pygame.mixer.Sound | None = None
        self._queued: pygame.mixer.Sound | None = None  # the next file, waiting

    def _unqueue(self) -> None:
        """Empty the channel's queue. pygame plays a queued sound when the one before it
        stops for any reason, a stop or a fade-out included, and cannot take it back: a
        few silent samples take its place instead."""
        if self.channel is None or self.channel.get_queue() is None:
            return
        if self._silence is None:
            self._silence = pygame.mixer.Sound(buffer=bytes(64))
        self.channel.queue(self._silence)
        self._queued = None

    def set_volume(self, volume: float) -> None:
        if self.channel is not None:
            self.channel.set_volume(volume)

    def playing(self) -> str | None:
        """The file playing now (its name below assets/), or None."""
        if self.channel is None or not self.playlist or not self.channel.get_busy():
            return None
        return self.audio.asset_name(self.playlist[0])

    def play(self, files: tuple[str, ...] | list[str], loop: bool = True,
             fadein: float = 0.0, fadeout: float = 0.0) -> None:
        if self.channel is None:
            return
        self.playlist, self.loop = self.audio._existing(files), loop
        self._drop_current = False
        if fadeout > 0 and self.channel.get_busy():
            self._pending_fadein = fadein  # the end event starts the new playlist
            self._unqueue()
            self.channel.fadeout(round(fadeout * 1000))
            return
        self._pending_fadein = None
        self._start(fadein)

    def _start(self, fadein: float = 0.0) -> None:
        if self.channel is None:
            return
        self._unqueue()
        self.channel.stop()
        if not self.playlist:
            return
        first = self.playlist[0]
        try:
            sound = self.audio.load_sound(first)
            sound.set_volume(1.0)
            self.channel.set_volume(self.audio.ambient_volume)
            self.channel.play(sound, fade_ms=round(fadein * 1000))
            if fadein <= 0:
                self.channel.set_volume(self.audio.ambient_volume)
        except pygame.error as exc:
            self.audio._warn(f"cannot play '{first.name}': {exc}")
            return
        self._queue_next()

    def _queue_next(self) -> None:
        self._queued = None
        if self.channel is None or not self.playlist:
            return
        if len(self.playlist) > 1:
            following = self.playlist[1]
        elif self.loop and not self._drop_current:
            following = self.playlist[0]
        else:
            return
        try:
            sound = self.audio.load_sound(following)
            sound.set_volume(1.0)
            self.channel.queue(sound)
            self._queued = sound
        except pygame.error as exc:
            self.audio._warn(f"cannot play '{following.name}': {exc}")

    def queue(self, files: tuple[str, ...] | list[str], loop: bool = True) -> None:
        if self.channel is None:
            return
        paths = self.audio._existing(files)
        if not self.channel.get_busy() or not self.playlist:
            self.playlist, self.loop = paths, loop
            self._start()
            return
        # The current file finishes, then the queue plays (replacing what was queued).
        self.playlist = [self.playlist[0], *paths]
        self.loop, self._drop_current = loop, True
        self._queue_next()

    def on_end(self) -> None:
        """The channel's end event: a file ended (and the queued one began), or a stop."""
        ch = self.channel
        if ch is None or not self.playlist:
            return
        if self._pending_fadein is not None:
            if not ch.get_busy():
                fadein, self._pending_fadein = self._pending_fadein, None
                self._start(fadein)
            return
        if ch.get_queue() is not None or self._queued is None \
                or ch.get_sound() is not self._queued:
            return  # stopped, or a file replaced by play: the queued one has not begun
        finished = self.playlist.pop(0)
        if self.loop and not self._drop_current:
            self.playlist.append(finished)
        self._drop_current = False
        self._queue_next()

    def stop(self, fadeout: float = 0.0) -> None:
        self.playlist, self._pending_fadein = [], None
        if self.channel is None:
            return
        self._unqueue()
        if fadeout > 0:
            self.channel.fadeout(round(fadeout * 1000))
        else:
            self.channel.stop()
            self.channel.stop()  # the silence that took the queue's place
