# `cpack -G DEB` (scripts/package.sh): a Debian package of what `cmake --install` installs.
set(CPACK_PACKAGE_NAME dnslint)
set(CPACK_PACKAGE_VENDOR "The dnslint authors")
set(CPACK_PACKAGE_CONTACT "The dnslint authors <dnslint@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "linter for DNS zone files and DNS as code")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://github.com/dnslint/dnslint")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGE_DIRECTORY ${PROJECT_SOURCE_DIR}/build/package)
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR DEB)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# The description's long part; CPack puts the summary above it, indents it and writes an empty
# line as " ." (Debian policy §5.6.13). Lines stay under 80 columns.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "dnslint reads BIND zone files, Terraform (native HCL, JSON, plans and
state), octoDNS, Kubernetes external-dns and CloudFormation into one record
model and checks it before deploy: MX exchanges that are aliases, null MX
mixed with real ones, missing backups, lost trailing dots, circular
references, and what name servers refuse to load.

Findings carry their file, line and column, in text, JSON, SARIF, GitHub,
GitLab, JUnit or Markdown form.")
if(DNSLINT_STATIC)
  # A static binary needs no shared library, so the package depends on nothing.
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS OFF)
  set(CPACK_DEBIAN_PACKAGE_DEPENDS "")
else()
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
endif()
include(CPack)
