// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QSocketNotifier;

namespace Ctl {

/**
 * Turns SIGTERM and SIGINT into a Qt signal with the self-pipe trick: the handler only writes a byte
 * (async-signal-safe); the event loop reads it and emits terminationRequested. One per process, on the
 * main thread.
 */
class SignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

Q_SIGNALS:
    void terminationRequested(int signalNumber);

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace Ctl
