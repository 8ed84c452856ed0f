# SPDX-License-Identifier: GPL-3.0-or-later
# What `cmake --install` puts where, and the Debian package CPack makes of it
# (scripts/package). Paths follow GNUInstallDirs; the app finds its examples and documentation
# relative to its own executable (app/data_paths.h), so the tree can be installed under any
# prefix.
include(GNUInstallDirs)

set(JOBSCOPE_INSTALL_DATADIR ${CMAKE_INSTALL_DATADIR}/jobscope)
set(JOBSCOPE_INSTALL_DOCDIR ${CMAKE_INSTALL_DATADIR}/doc/jobscope)

install(TARGETS jobscope RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# Data: the examples and the lesson (also built into the binary), and the recordings when the
# tree has them.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/resources/examples/
        DESTINATION ${JOBSCOPE_INSTALL_DATADIR}/examples)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/resources/lessons/
        DESTINATION ${JOBSCOPE_INSTALL_DATADIR}/lessons)
if(EXISTS ${PROJECT_SOURCE_DIR}/resources/recordings)
    install(DIRECTORY ${PROJECT_SOURCE_DIR}/resources/recordings/
            DESTINATION ${JOBSCOPE_INSTALL_DATADIR}/recordings)
endif()

# Documentation: the user's pages with their images, the license and the third-party notice.
file(GLOB JOBSCOPE_DOC_PAGES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/docs/*.md)
install(FILES ${JOBSCOPE_DOC_PAGES} ${PROJECT_SOURCE_DIR}/LICENSE ${PROJECT_SOURCE_DIR}/NOTICE
        DESTINATION ${JOBSCOPE_INSTALL_DOCDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/images DESTINATION ${JOBSCOPE_INSTALL_DOCDIR})

# The manual page, compressed as Debian installs them (man reads either).
add_custom_command(
    OUTPUT ${PROJECT_BINARY_DIR}/jobscope.1.gz
    COMMAND gzip -9 -n -c ${PROJECT_SOURCE_DIR}/docs/jobscope.1 > ${PROJECT_BINARY_DIR}/jobscope.1.gz
    DEPENDS ${PROJECT_SOURCE_DIR}/docs/jobscope.1
    COMMENT "Compressing the manual page")
add_custom_target(jobscope_manpage ALL DEPENDS ${PROJECT_BINARY_DIR}/jobscope.1.gz)
install(FILES ${PROJECT_BINARY_DIR}/jobscope.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

# Shell completion.
install(FILES ${PROJECT_SOURCE_DIR}/resources/completions/jobscope.bash
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME jobscope)
install(FILES ${PROJECT_SOURCE_DIR}/resources/completions/_jobscope
        DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)

# Desktop integration: the launcher, the icon at the freedesktop sizes, JobScope's own file
# types (scenarios and traces) and the AppStream metadata.
install(FILES ${PROJECT_SOURCE_DIR}/resources/linux/io.github.jobscope.JobScope.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${PROJECT_SOURCE_DIR}/resources/linux/io.github.jobscope.JobScope.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${PROJECT_SOURCE_DIR}/resources/linux/jobscope.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages)
foreach(size 16 32 48 64 128)
    install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/hicolor/${size}x${size}/apps/jobscope.png
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
endforeach()
install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/jobscope.png
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/256x256/apps)
install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/jobscope.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)

# The Debian package: `cpack -G DEB` in a build tree (scripts/package does it in Release).
set(CPACK_PACKAGE_NAME jobscope)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "JobScope")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Kubernetes Job lifecycle visualiser")
set(CPACK_PACKAGE_CONTACT "JobScope maintainers <jobscope@example.org>")
set(JOBSCOPE_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}"
    CACHE STRING "The Maintainer field of the Debian package")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${JOBSCOPE_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# dpkg-shlibdeps (dpkg-dev) derives Depends from the libraries the binary links.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Chinese text in the UI and plots needs a CJK font.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-wqy-microhei | fonts-noto-cjk")
# CPack puts CPACK_PACKAGE_DESCRIPTION_SUMMARY before it as the synopsis line.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "JobScope plays back a Kubernetes Job's Pods over time, simulated from a
manifest plus a scenario or recorded from a cluster, on a re-implementation
of the upstream Job controller, and plots the requested parallelism against
the actual parallelism with every difference annotated by its cause.
.
It has a desktop app (Pod Gantt, inspector, YAML editor with knobs, compare,
live mode, a built-in lesson with a presentation mode, English and Chinese)
and a command line for headless reports (CSV and PNG) and recordings.")
include(CPack)
