define classmate = Character("Alex", color="#bb8493", image="classmate")
define player = Character("[player_name]", color="#c8c8ff")
define teacher = Character("Teacher", color="#faf0e6", image="teacher")
