// SPDX-License-Identifier: GPL-3.0-or-later
#include "LoadProgressPanel.h"

#include "engine/HistoricLoad.h"
#include "source/SourceRepo.h"

#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QSet>
#include <QVBoxLayout>

namespace Gui {

LoadProgressPanel::LoadProgressPanel(std::shared_ptr<Storage::Database> db, QWidget *parent,
                                     const Common::Clock *clock)
    : QWidget(parent)
    , m_db(std::move(db))
    , m_clock(clock)
    , m_rows(new QVBoxLayout(this))
{
    setObjectName(QStringLiteral("loadProgressPanel"));
    m_rows->setContentsMargins(0, 0, 0, 0);
    hide();
}

LoadProgressPanel::Row &LoadProgressPanel::rowFor(const QString &source)
{
    auto it = m_shown.find(source);
    if (it != m_shown.end())
        return it.value();
    Row row;
    row.text = new QLabel(this);
    row.text->setObjectName(QStringLiteral("loadText:") + source);
    row.bar = new QProgressBar(this);
    row.bar->setObjectName(QStringLiteral("loadBar:") + source);
    m_rows->addWidget(row.text);
    m_rows->addWidget(row.bar);
    return m_shown.insert(source, row).value();
}

void LoadProgressPanel::refresh()
{
    auto sources = Source::SourceRepo(m_db).list();
    if (!sources)
        return; // the dashboard says the store is unavailable
    QSet<QString> underWay;
    const QLocale locale;
    for (const Source::SourceRecord &source : sources.value()) {
        auto progress = Engine::HistoricLoad::progress(source.name, m_db, m_clock);
        if (!progress || !progress->has_value())
            continue;
        const Engine::LoadProgress &p = **progress;
        if (p.finished())
            continue;
        underWay.insert(source.name);
        // Each order read becomes one job per target connection; while reading, the jobs to come are
        // estimated from the ones made so far.
        const qint64 perOrder = p.state.queued > 0 ? std::max<qint64>(1, p.jobs / p.state.queued) : 1;
        const qint64 expected
            = p.state.finishedReading() ? p.jobs : std::max(p.jobs, p.state.total * perOrder);
        Row &row = rowFor(source.name);
        row.bar->setRange(0, int(std::max<qint64>(1, expected)));
        row.bar->setValue(int(p.done + p.failed));
        QString text = tr("Loading the orders of %1: %2 of %3 read, %4 sent, %5 failed")
                           .arg(source.name, locale.toString(p.state.queued), locale.toString(p.state.total),
                                locale.toString(p.done), locale.toString(p.failed));
        if (p.stalled)
            text += tr(" — stalled: nothing sent for %n min. Is an engine running?", nullptr,
                       int(p.idleMs / 60'000));
        else if (p.perSecond > 0)
            text
                += tr(" — %1 a second, about %2 left")
                       .arg(locale.toString(p.perSecond, 'f', 1),
                            p.secondsLeft >= 3600
                                ? tr("%1 h %2 min").arg(p.secondsLeft / 3600).arg((p.secondsLeft % 3600) / 60)
                                : tr("%1 min %2 s").arg(p.secondsLeft / 60).arg(p.secondsLeft % 60));
        row.text->setText(text);
    }
    for (auto it = m_shown.begin(); it != m_shown.end();) {
        if (underWay.contains(it.key())) {
            ++it;
            continue;
        }
        delete it->text;
        delete it->bar;
        it = m_shown.erase(it);
    }
    setVisible(!m_shown.isEmpty());
}

} // namespace Gui
