a = "\u00zz \UFFFFFFFF \q ${
