import HeraldApp
print("herald")
