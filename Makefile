# Convenience wrapper; the build and tests are driven by CMake presets (CMakePresets.json).
.PHONY: demo test test-asan package install format clean

demo:
	scripts/demo.sh

test:
	scripts/test.sh dev

test-asan:
	scripts/test.sh asan-ubsan

package:
	scripts/package.sh

install: demo
	cmake --install build/release

format:
	git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

clean:
	rm -rf build
