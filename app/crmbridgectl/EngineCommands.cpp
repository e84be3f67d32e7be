// SPDX-License-Identifier: GPL-3.0-or-later
#include "EngineCommands.h"

#include "StoreCommands.h"
#include "engine/EngineSettings.h"
#include "engine/HookConfig.h"
#include "engine/Notifier.h"
#include "store/ConnectionRepo.h"
#include "store/SettingsRepo.h"

#include <QFileInfo>

namespace Ctl {

namespace {

int failWith(const Common::Error &error)
{
    err(QStringLiteral("crmbridgectl: %1").arg(error.message));
    return 1;
}

QString hookUsage()
{
    return Text::tr("Usage: crmbridgectl hook set EVENT before|after PATH [--timeout-ms N]\n"
                    "       crmbridgectl hook list\n"
                    "       crmbridgectl hook remove EVENT before|after");
}

} // namespace

Command hookCommand()
{
    return {
        QStringLiteral("hook"), Text::tr("Executable hooks before and after a send (set|list|remove)"),
        [](const QStringList &args, const QString &databaseUrl) {
            QCommandLineParser parser;
            parser.setApplicationDescription(
                Text::tr("Executable hooks per event (order.created, form.submitted, …): a before-send\n"
                         "hook may change the draft or veto it, an after-send hook gets the deal id.\n"
                         "The README's \"Hooks\" section describes stdin, stdout and exit codes.\n\n")
                + hookUsage());
            parser.addOption({ QStringLiteral("timeout-ms"), Text::tr("How long the hook may take"),
                               QStringLiteral("N"), QString::number(Engine::HookSpec::kDefaultTimeoutMs) });
            parser.addPositionalArgument(QStringLiteral("action"), Text::tr("set, list or remove"));
            if (!parseSubcommand(parser, QStringLiteral("hook"), args))
                return parser.isSet(QStringLiteral("help")) ? 0 : 2;
            const QStringList pos = parser.positionalArguments();
            const QString action = pos.value(0);
            const bool list = action == QLatin1String("list") && pos.size() == 1;
            const bool set = action == QLatin1String("set") && pos.size() == 4;
            const bool remove = action == QLatin1String("remove") && pos.size() == 3;
            const auto phase = Engine::hookPhaseFromName(pos.value(2));
            bool numeric = false;
            const int timeout = parser.value(QStringLiteral("timeout-ms")).toInt(&numeric);
            if ((!list && !set && !remove) || ((set || remove) && !phase) || !numeric) {
                err(hookUsage());
                return 2;
            }
            auto db = openStore(databaseUrl, false);
            if (!db)
                return failWith(db.error());
            if (list) {
                auto hooks = Engine::HookConfig::list(db.value());
                if (!hooks)
                    return failWith(hooks.error());
                if (hooks->isEmpty())
                    out(Text::tr("No hooks."));
                for (const Engine::HookSpec &h : hooks.value())
                    out(Text::tr("%1 %2 %3 (timeout %4 ms)")
                            .arg(h.event, Engine::hookPhaseName(h.phase), h.path)
                            .arg(h.timeoutMs));
                return 0;
            }
            if (remove) {
                if (auto removed = Engine::HookConfig::remove(db.value(), pos.value(1), *phase); !removed)
                    return failWith(removed.error());
                out(Text::tr("Removed the %1 hook of %2.").arg(Engine::hookPhaseName(*phase), pos.value(1)));
                return 0;
            }
            Engine::HookSpec spec;
            spec.event = pos.value(1);
            spec.phase = *phase;
            spec.path = QFileInfo(pos.value(3)).absoluteFilePath();
            spec.timeoutMs = timeout;
            if (auto saved = Engine::HookConfig::set(db.value(), spec); !saved)
                return failWith(saved.error());
            out(Text::tr(
                    "The %1 hook of %2 is %3 (timeout %4 ms); running engines use it from their next round.")
                    .arg(Engine::hookPhaseName(spec.phase), spec.event, spec.path)
                    .arg(spec.timeoutMs));
            return 0;
        }
    };
}

Command settingsCommand()
{
    return {
        QStringLiteral("settings"), Text::tr("The engine's settings (list | set KEY VALUE | unset KEY)"),
        [](const QStringList &args, const QString &databaseUrl) {
            QCommandLineParser parser;
            parser.setApplicationDescription(Text::tr(
                "The settings every engine and console on the store share (README, \"Engine settings\"):\n"
                "contacts.match_rule, contacts.refresh_interval_s, forms.as, forms.as.<connection>,\n"
                "customers.upsert_contacts, retry.first_delay_s, retry.max_attempts, lane.round_size,\n"
                "hook.<event>.<before|after>. Engines read them when they start\n"
                "(hooks: every round). `list` also shows what applies to each connection."));
            parser.addPositionalArgument(QStringLiteral("action"), Text::tr("list, set or unset"));
            if (!parseSubcommand(parser, QStringLiteral("settings"), args))
                return parser.isSet(QStringLiteral("help")) ? 0 : 2;
            const QStringList pos = parser.positionalArguments();
            const QString action = pos.value(0);
            if (!((action == QLatin1String("list") && pos.size() == 1)
                  || (action == QLatin1String("set") && pos.size() == 3)
                  || (action == QLatin1String("unset") && pos.size() == 2))) {
                err(Text::tr("Usage: crmbridgectl settings list | set KEY VALUE | unset KEY"));
                return 2;
            }
            auto db = openStore(databaseUrl, false);
            if (!db)
                return failWith(db.error());
            Store::SettingsRepo settings(db.value());
            if (action == QLatin1String("set")) {
                auto before = settings.all();
                if (!before)
                    return failWith(before.error());
                if (auto saved = settings.setValue(pos.value(1), pos.value(2)); !saved)
                    return failWith(saved.error());
                // A value the engine would refuse is put back at once, so `run` never meets it.
                auto checked = Engine::EngineSettings::describe(db.value(), QString());
                if (checked && pos.value(1).startsWith(QLatin1String("notify."))) {
                    if (auto notify = Engine::NotifySettings::load(db.value()); !notify)
                        checked = notify.error();
                }
                if (!checked) {
                    if (before->contains(pos.value(1)))
                        (void)settings.setValue(pos.value(1), before->value(pos.value(1)));
                    else
                        (void)settings.remove(pos.value(1));
                    return failWith(checked.error());
                }
                out(QStringLiteral("%1 = %2").arg(pos.value(1), pos.value(2)));
            } else if (action == QLatin1String("unset")) {
                if (auto removed = settings.remove(pos.value(1)); !removed)
                    return failWith(removed.error());
                out(QStringLiteral("%1 unset").arg(pos.value(1)));
            }
            auto all = settings.all();
            if (!all)
                return failWith(all.error());
            if (action == QLatin1String("list")) {
                for (auto it = all->cbegin(); it != all->cend(); ++it)
                    out(QStringLiteral("%1 = %2").arg(it.key(), it.value()));
            }
            // What each connection's lane will use, so a typo shows now rather than at `run`.
            auto connections = Store::ConnectionRepo(db.value()).list();
            if (!connections)
                return failWith(connections.error());
            for (const Store::Connection &c : connections.value()) {
                auto applied = Engine::EngineSettings::describe(db.value(), c.name);
                if (!applied)
                    return failWith(applied.error());
                out(Text::tr("Connection %1: contacts matched by %2, refreshed every %3 s; forms as %4; "
                             "customer profiles to contacts: %5; a passing failure retried after %6 s "
                             "(doubling), at most %7 tries; %8 jobs a round")
                        .arg(c.name, applied->value("contact_match_rule").toString())
                        .arg(applied->value("contact_refresh_interval_s").toInteger())
                        .arg(applied->value("forms_as").toString(),
                             applied->value("customers_upsert_contacts").toBool()
                                 ? Text::tr("on", "a setting")
                                 : Text::tr("off", "a setting"))
                        .arg(applied->value("retry_first_delay_s").toInteger())
                        .arg(applied->value("retry_max_attempts").toInteger())
                        .arg(applied->value("round_size").toInteger()));
            }
            return 0;
        }
    };
}

} // namespace Ctl
