// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <functional>

namespace Ctl {

/**
 * One `crmbridgectl` subcommand: its name, a one-line summary for `--help`, and a function that gets
 * the arguments after the subcommand name plus the global options, and returns the exit code.
 */
struct Command
{
    QString name;
    QString summary;
    std::function<int(const QStringList &args, const QString &databaseUrl)> run;
};

/** The translation context "Ctl" of crmbridgectl's own messages: Text::tr("…"), found by lupdate. */
class Text
{
    Q_DECLARE_TR_FUNCTIONS(Ctl)
};

/** Loads crmbridgectl's messages in the language of LC_ALL, LC_MESSAGES or LANG (Russian or English).
 *  Only the messages to the operator follow it: what the engine writes into a CRM follows the
 *  connection's language, never the process's. */
void installTranslations();

/** Text output helpers: everything for people goes to stdout, problems to stderr. */
void out(const QString &text);
void err(const QString &text);

/** Parses a subcommand's own options; prints the error and returns false on bad input. */
bool parseSubcommand(QCommandLineParser &parser, const QString &name, const QStringList &args);

/** Runs an asynchronous step in the process's only event loop; @p start calls finish(exit code). */
int runEventLoop(const std::function<void(std::function<void(int)>)> &start);

} // namespace Ctl
