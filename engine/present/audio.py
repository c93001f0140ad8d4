"""Music and sound through pygame.mixer. With no audio device every call is a quiet no-op:
sound is never a reason for the game to stop."""

from __future__ import annotations

import logging
from pathlib import Path

import pygame

from engine.stage import audio_path

log = logging.getLogger("roadout.audio")


class Audio:
    """A music channel with a playlist (fade in/out, loop, queue) and a sound channel."""

    def __init__(self, game_dir: Path, music_volume: float = 0.7,
                 sound_volume: float = 0.8) -> None:
        self.game_dir = game_dir
        self.enabled = False
        self.music_volume = music_volume
        self.sound_volume = sound_volume
        self.playlist: list[Path] = []
        self.loop = False
        self.end_event = pygame.event.custom_type()
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
            self._sound_channel = pygame.mixer.Channel(0)
            pygame.mixer.set_reserved(1)
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
            if p.is_file():
                out.append(p)
            else:
                self._warn(f"audio file '{f}' not found (looked for {p})")
        return out

    def set_volumes(self, music: float, sound: float) -> None:
        self.music_volume, self.sound_volume = music, sound
        if self.enabled:
            pygame.mixer.music.set_volume(music)

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
                sound = self._sounds.get(path)
                if sound is None:
                    sound = self._sounds[path] = pygame.mixer.Sound(str(path))
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
                sound = self._sounds.get(path)
                if sound is None:
                    sound = self._sounds[path] = pygame.mixer.Sound(str(path))
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
        else:
            if action in ("play", "queue"):
                self.play_sound(files)
            else:
                self.stop_sound(fadeout)

    def quit(self) -> None:
        if self.enabled:
            pygame.mixer.quit()
            self.enabled = False
