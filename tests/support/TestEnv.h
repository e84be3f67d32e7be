// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace TestSupport {

/** A free TCP port on 127.0.0.1 (bound and released; good enough for tests). */
int freeLoopbackPort();
/** The repository root (CRMBRIDGE_SOURCE_DIR, set by CTest). */
QString sourceDir();
/** The build tree root (CRMBRIDGE_BINARY_DIR, set by CTest). */
QString binaryDir();
/** Runs a program to completion; returns its exit code, or -1 when it could not start or timed out. */
int runProgram(const QString &program, const QStringList &args, QString *output = nullptr,
               int timeoutMs = 60000);

} // namespace TestSupport

/** QVERIFY for a Common::Result / Status that prints the error when it fails. */
#define QVERIFY_OK(expr)                                                                                     \
    do {                                                                                                     \
        const auto &result_ = (expr);                                                                        \
        QVERIFY2(result_.ok(), qPrintable(result_.ok() ? QString() : result_.error().toString()));           \
    } while (false)
